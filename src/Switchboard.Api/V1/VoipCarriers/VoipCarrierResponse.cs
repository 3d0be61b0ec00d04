using Switchboard.Storage.Carriers;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// A carrier as <c>GET .../VoipCarriers</c> shows it. The password is write-only: never returned, only whether
/// one is set (<paramref name="HasPassword"/>). <paramref name="RegistrationStatus"/> is where the registration
/// stands when <paramref name="Register"/> is set (<c>registering</c>, <c>registered</c>, <c>failed</c>), else null.
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
    DateTimeOffset CreatedAt,
    string? RegistrationStatus)
{
    public static VoipCarrierResponse From(VoipCarrierRecord carrier, ICarrierRegistrations? registrations) => new(
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
        carrier.CreatedAt,
        carrier.Register ? registrations?.StatusOf(carrier.Sid) : null);
}
