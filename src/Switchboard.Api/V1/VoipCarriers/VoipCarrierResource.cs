using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Carriers;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// <c>.../VoipCarriers</c>: names are unique per account (409 naming <c>name</c>); a carrier a phone number is
/// tied to cannot be deleted (409) until the number is moved or deleted. A change reaches the registrations.
/// </summary>
public sealed class VoipCarrierResource() : EditableAccountResource<VoipCarrierRecord, VoipCarrierBody, VoipCarrierResponse>("VoipCarriers", "voip_carrier_sid", "carrier")
{
    protected override (string? Field, string Detail) WriteConflict => ("name", "the account already has a carrier with this name");

    protected override string DeleteConflict => "a phone number is still tied to this carrier; move or delete it first";

    protected override JsonTypeInfo<VoipCarrierResponse> ItemJson => V1JsonContext.Default.VoipCarrierResponse;

    protected override JsonTypeInfo<VoipCarrierResponse[]> PageJson => V1JsonContext.Default.VoipCarrierResponseArray;

    protected override VoipCarrierRecord Blank(string accountSid, DateTimeOffset createdAt) => VoipCarrierReader.Blank(accountSid, createdAt);

    protected override string SidOf(VoipCarrierRecord record) => record.Sid;

    protected override VoipCarrierResponse Respond(HttpContext context, VoipCarrierRecord record) => VoipCarrierResponse.From(record, Registrations(context));

    protected override Task<VoipCarrierRecord> ReadAsync(HttpContext context, JsonElement body, VoipCarrierRecord current, bool creating, CancellationToken cancellationToken) =>
        Task.FromResult(VoipCarrierReader.Read(body, current, creating));

    protected override void Written(HttpContext context) => Registrations(context)?.CarriersChanged();

    protected override ResourceStore<VoipCarrierRecord> StoreOf(HttpContext context)
    {
        var carriers = context.RequestServices.GetRequiredService<IVoipCarrierStore>();
        return new(carriers.FindAsync, carriers.ListAsync, carriers.CreateAsync, carriers.UpdateAsync, carriers.DeleteAsync);
    }

    /// <summary>Registrations are kept by the host when it runs them; a test host without SIP has none.</summary>
    private static ICarrierRegistrations? Registrations(HttpContext context) => context.RequestServices.GetService<ICarrierRegistrations>();
}
