using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Applications;

/// <summary>
/// <c>.../Applications</c>. Deleting an application a phone number still routes to is refused with 409: the
/// number must be pointed elsewhere (or deleted) first, so no inbound call finds a number without an application.
/// </summary>
public static class ApplicationEndpoints
{
    private const string Resource = "application";

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder scope)
    {
        var applications = scope.MapGroup("/Applications").WithTags("Applications");
        applications.MapPost("", CreateAsync).Accepts<ApplicationBody>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created);
        applications.MapGet("", ListAsync).Produces<ApplicationResponse[]>();
        applications.MapGet("/{application_sid}", GetAsync).Produces<ApplicationResponse>();
        applications.MapPut("/{application_sid}", UpdateAsync).Accepts<ApplicationBody>("application/json").Produces(StatusCodes.Status204NoContent);
        applications.MapDelete("/{application_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return scope;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IApplicationStore applications, IAccountStore accounts, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var accountSid = await context.AccountForCreateAsync(body, accounts).ConfigureAwait(false);
        var application = ApplicationReader.Read(body, ApplicationReader.Blank(accountSid, time.GetUtcNow()), creating: true);
        await applications.CreateAsync(application, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.Created(context, application.Sid);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IApplicationStore applications)
    {
        var page = await applications.ListAsync(context.TargetAccount().Sid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        return PagedResults.Json(context, page, ApplicationResponse.From, V1JsonContext.Default.ApplicationResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string application_sid, IApplicationStore applications)
    {
        var application = await applications.FindAsync(context.TargetAccount().Sid, application_sid, context.RequestAborted).ConfigureAwait(false);
        return application is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(ApplicationResponse.From(application), V1JsonContext.Default.ApplicationResponse);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string application_sid, IApplicationStore applications)
    {
        var current = await applications.FindAsync(context.TargetAccount().Sid, application_sid, context.RequestAborted).ConfigureAwait(false);
        if (current is null)
        {
            return WriteResults.NotFound(Resource);
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var outcome = await applications.UpdateAsync(ApplicationReader.Read(body, current, creating: false), context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, null, "the application changed meanwhile");
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string application_sid, IApplicationStore applications)
    {
        var outcome = await applications.DeleteAsync(context.TargetAccount().Sid, application_sid, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, null, "a phone number still routes to this application; point it elsewhere or delete it first");
    }
}
