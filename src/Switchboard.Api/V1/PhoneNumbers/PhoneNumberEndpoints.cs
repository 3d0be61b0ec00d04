using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Applications;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Api.V1.PhoneNumbers;

/// <summary>
/// <c>.../PhoneNumbers</c>. A number is unique across the server (an INVITE names a number, not an account):
/// a taken number is a 409 naming <c>number</c>. The application and carrier must be the account's own.
/// </summary>
public static class PhoneNumberEndpoints
{
    private const string Resource = "phone number";
    private const string Taken = "this number is already in use";

    public static IEndpointRouteBuilder MapPhoneNumbers(this IEndpointRouteBuilder scope)
    {
        var numbers = scope.MapGroup("/PhoneNumbers").WithTags("PhoneNumbers");
        numbers.MapPost("", CreateAsync).Accepts<PhoneNumberBody>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created);
        numbers.MapGet("", ListAsync).Produces<PhoneNumberResponse[]>();
        numbers.MapGet("/{phone_number_sid}", GetAsync).Produces<PhoneNumberResponse>();
        numbers.MapPut("/{phone_number_sid}", UpdateAsync).Accepts<PhoneNumberBody>("application/json").Produces(StatusCodes.Status204NoContent);
        numbers.MapDelete("/{phone_number_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return scope;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IPhoneNumberStore numbers, IApplicationStore applications, IVoipCarrierStore carriers, IAccountStore accounts, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var accountSid = await context.AccountForCreateAsync(body, accounts).ConfigureAwait(false);
        var number = PhoneNumberReader.Read(body, PhoneNumberReader.Blank(accountSid, time.GetUtcNow()), creating: true);
        await CheckReferencesAsync(number, applications, carriers, context.RequestAborted).ConfigureAwait(false);
        return await numbers.CreateAsync(number, context.RequestAborted).ConfigureAwait(false) == Storage.WriteOutcome.Done
            ? WriteResults.Created(context, number.Sid)
            : ApiProblem.Conflict("number", Taken);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IPhoneNumberStore numbers)
    {
        var page = await numbers.ListAsync(context.TargetAccount().Sid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        return PagedResults.Json(context, page, PhoneNumberResponse.From, V1JsonContext.Default.PhoneNumberResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string phone_number_sid, IPhoneNumberStore numbers)
    {
        var number = await numbers.FindAsync(context.TargetAccount().Sid, phone_number_sid, context.RequestAborted).ConfigureAwait(false);
        return number is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(PhoneNumberResponse.From(number), V1JsonContext.Default.PhoneNumberResponse);
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, string phone_number_sid, IPhoneNumberStore numbers, IApplicationStore applications, IVoipCarrierStore carriers)
    {
        var current = await numbers.FindAsync(context.TargetAccount().Sid, phone_number_sid, context.RequestAborted).ConfigureAwait(false);
        if (current is null)
        {
            return WriteResults.NotFound(Resource);
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var number = PhoneNumberReader.Read(body, current, creating: false);
        await CheckReferencesAsync(number, applications, carriers, context.RequestAborted).ConfigureAwait(false);
        var outcome = await numbers.UpdateAsync(number, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, "number", Taken);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string phone_number_sid, IPhoneNumberStore numbers)
    {
        var outcome = await numbers.DeleteAsync(context.TargetAccount().Sid, phone_number_sid, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, null, "the number could not be deleted");
    }

    /// <exception cref="ValidationException">The application or carrier is not the account's.</exception>
    private static async Task CheckReferencesAsync(
        PhoneNumberRecord number, IApplicationStore applications, IVoipCarrierStore carriers, CancellationToken cancellationToken)
    {
        if (number.ApplicationSid is { } applicationSid
            && await applications.FindAsync(number.AccountSid, applicationSid, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ValidationException("application_sid", "no such application in this account");
        }

        if (number.VoipCarrierSid is { } carrierSid
            && await carriers.FindAsync(number.AccountSid, carrierSid, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ValidationException("voip_carrier_sid", "no such carrier in this account");
        }
    }
}
