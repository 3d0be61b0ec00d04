using System.Globalization;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// Identifies a registered contact by its URI, so a refresh replaces the binding it refreshes. RFC 3261 §10.3 step 7
/// compares contacts with the URI equality of §19.1.4; this keeps the parts that decide where a request goes:
/// scheme, user (case-sensitive), host (case-insensitive), port (defaulted) and transport.
/// </summary>
internal static class ContactKey
{
    public static string For(SipUri uri) => string.Create(
        CultureInfo.InvariantCulture,
        $"{uri.Scheme}:{uri.User}@{uri.Host.ToLowerInvariant()}:{uri.PortOrDefault};{uri.GetParameter("transport")?.ToLowerInvariant() ?? "udp"}");
}
