using Switchboard.Storage.Carriers;

namespace Switchboard.Calls.Engine;

/// <summary>
/// How to reach phone numbers through one SIP trunk: where to send the INVITE and how the trunk wants the
/// number written (a technical prefix, with or without the E.164 <c>+</c>).
/// </summary>
public sealed record CarrierRoute(string Host, int Port, string Transport, string? TechPrefix, bool E164LeadingPlus)
{
    /// <summary>The route through a stored carrier.</summary>
    public static CarrierRoute Of(VoipCarrierRecord carrier) =>
        new(carrier.Host, carrier.Port, carrier.Transport, carrier.TechPrefix, carrier.E164LeadingPlus);

    /// <summary>The Request-URI for <paramref name="number"/> through this trunk.</summary>
    public string UriFor(string number)
    {
        var digits = number.TrimStart('+');
        var user = (TechPrefix ?? string.Empty) + (E164LeadingPlus ? "+" : string.Empty) + digits;
        var host = Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;
        var transport = Transport.Equals("udp", StringComparison.OrdinalIgnoreCase) ? string.Empty : ";transport=" + Transport.ToLowerInvariant();
        return $"sip:{user}@{host}:{Port}{transport}";
    }
}
