using Switchboard.Storage.Carriers;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// A carrier as <c>GET .../VoipCarriers</c> shows it. The password is write-only: never returned, only whether
/// one is set (<paramref name="HasPassword"/>).
/// </summary>
public sealed record VoipCarrierResponse(
    string VoipCarrierSid,
    string AccountSid,
    string Name,
    string Host,
    int Port,
    string Transport,
    string? Username,
    bool HasPassword,
    bool Register,
    string? TechPrefix,
    bool E164LeadingPlus,
    IReadOnlyList<string> InboundAllowList,
    DateTimeOffset CreatedAt)
{
    public static VoipCarrierResponse From(VoipCarrierRecord carrier) => new(
        carrier.Sid,
        carrier.AccountSid,
        carrier.Name,
        carrier.Host,
        carrier.Port,
        carrier.Transport,
        carrier.Username,
        carrier.Password is not null,
        carrier.Register,
        carrier.TechPrefix,
        carrier.E164LeadingPlus,
        carrier.InboundAllowList,
        carrier.CreatedAt);
}
