using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Carriers;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// <c>.../VoipCarriers</c>: names are unique per account (409 naming <c>name</c>); a carrier a phone number is
/// tied to cannot be deleted (409) until the number is moved or deleted.
/// </summary>
public static class VoipCarrierEndpoints
{
    private const string Resource = "carrier";
    private const string NameTaken = "the account already has a carrier with this name";

    public static IEndpointRouteBuilder MapVoipCarriers(this IEndpointRouteBuilder scope)
    {
        var carriers = scope.MapGroup("/VoipCarriers").WithTags("VoipCarriers");
        carriers.MapPost("", CreateAsync).Accepts<VoipCarrierBody>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created);
        carriers.MapGet("", ListAsync).Produces<VoipCarrierResponse[]>();
        carriers.MapGet("/{voip_carrier_sid}", GetAsync).Produces<VoipCarrierResponse>();
        carriers.MapPut("/{voip_carrier_sid}", UpdateAsync).Accepts<VoipCarrierBody>("application/json").Produces(StatusCodes.Status204NoContent);
        carriers.MapDelete("/{voip_carrier_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return scope;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IVoipCarrierStore carriers, IAccountStore accounts, TimeProvider time)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var accountSid = await context.AccountForCreateAsync(body, accounts).ConfigureAwait(false);
        var carrier = VoipCarrierReader.Read(body, VoipCarrierReader.Blank(accountSid, time.GetUtcNow()), creating: true);
        if (await carriers.CreateAsync(carrier, context.RequestAborted).ConfigureAwait(false) != WriteOutcome.Done)
        {
            return ApiProblem.Conflict("name", NameTaken);
        }

        Registrations(context)?.CarriersChanged();
        return WriteResults.Created(context, carrier.Sid);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IVoipCarrierStore carriers)
    {
        var page = await carriers.ListAsync(context.TargetAccount().Sid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        var registrations = Registrations(context);
        return PagedResults.Json(context, page, carrier => VoipCarrierResponse.From(carrier, registrations), V1JsonContext.Default.VoipCarrierResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string voip_carrier_sid, IVoipCarrierStore carriers)
    {
        var carrier = await carriers.FindAsync(context.TargetAccount().Sid, voip_carrier_sid, context.RequestAborted).ConfigureAwait(false);
        return carrier is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(VoipCarrierResponse.From(carrier, Registrations(context)), V1JsonContext.Default.VoipCarrierResponse);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string voip_carrier_sid, IVoipCarrierStore carriers)
    {
        var current = await carriers.FindAsync(context.TargetAccount().Sid, voip_carrier_sid, context.RequestAborted).ConfigureAwait(false);
        if (current is null)
        {
            return WriteResults.NotFound(Resource);
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var outcome = await carriers.UpdateAsync(VoipCarrierReader.Read(body, current, creating: false), context.RequestAborted).ConfigureAwait(false);
        NotifyIfDone(context, outcome);
        return WriteResults.NoContent(outcome, Resource, "name", NameTaken);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string voip_carrier_sid, IVoipCarrierStore carriers)
    {
        var outcome = await carriers.DeleteAsync(context.TargetAccount().Sid, voip_carrier_sid, context.RequestAborted).ConfigureAwait(false);
        NotifyIfDone(context, outcome);
        return WriteResults.NoContent(outcome, Resource, null, "a phone number is still tied to this carrier; move or delete it first");
    }

    /// <summary>Registrations are kept by the host when it runs them; a test host without SIP has none.</summary>
    private static ICarrierRegistrations? Registrations(HttpContext context) => context.RequestServices.GetService<ICarrierRegistrations>();

    private static void NotifyIfDone(HttpContext context, WriteOutcome outcome)
    {
        if (outcome == WriteOutcome.Done)
        {
            Registrations(context)?.CarriersChanged();
        }
    }
}
