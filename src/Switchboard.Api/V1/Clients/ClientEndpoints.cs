using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Clients;

namespace Switchboard.Api.V1.Clients;

/// <summary><c>.../Clients</c>: SIP users that register to Switchboard; a taken username is a 409 naming <c>username</c>.</summary>
public static class ClientEndpoints
{
    private const string Resource = "client";
    private const string Taken = "this username is already in use";

    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder scope)
    {
        var clients = scope.MapGroup("/Clients").WithTags("Clients");
        clients.MapPost("", CreateAsync).Accepts<ClientBody>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created);
        clients.MapGet("", ListAsync).Produces<ClientResponse[]>();
        clients.MapGet("/{client_sid}", GetAsync).Produces<ClientResponse>();
        clients.MapPut("/{client_sid}", UpdateAsync).Accepts<ClientBody>("application/json").Produces(StatusCodes.Status204NoContent);
        clients.MapDelete("/{client_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return scope;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IClientStore clients, IAccountStore accounts, ClientDigestOptions digest, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var accountSid = await context.AccountForCreateAsync(body, accounts).ConfigureAwait(false);
        var client = ClientReader.Read(body, ClientReader.Blank(accountSid, time.GetUtcNow()), creating: true, digest);
        return await clients.CreateAsync(client, context.RequestAborted).ConfigureAwait(false) == WriteOutcome.Done
            ? WriteResults.Created(context, client.Sid)
            : ApiProblem.Conflict("username", Taken);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClientStore clients)
    {
        var page = await clients.ListAsync(context.TargetAccount().Sid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        return PagedResults.Json(context, page, ClientResponse.From, V1JsonContext.Default.ClientResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string client_sid, IClientStore clients)
    {
        var client = await clients.FindAsync(context.TargetAccount().Sid, client_sid, context.RequestAborted).ConfigureAwait(false);
        return client is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(ClientResponse.From(client), V1JsonContext.Default.ClientResponse);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string client_sid, IClientStore clients, ClientDigestOptions digest)
    {
        var current = await clients.FindAsync(context.TargetAccount().Sid, client_sid, context.RequestAborted).ConfigureAwait(false);
        if (current is null)
        {
            return WriteResults.NotFound(Resource);
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var outcome = await clients.UpdateAsync(ClientReader.Read(body, current, creating: false, digest), context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, "username", Taken);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string client_sid, IClientStore clients)
    {
        var outcome = await clients.DeleteAsync(context.TargetAccount().Sid, client_sid, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, null, "the client could not be deleted");
    }
}
