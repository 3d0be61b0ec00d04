using System.Globalization;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// What we write about ourselves into Via and Contact for one call: the advertised host, the listen port (UDP and
/// TCP share it) and the transport the requests go over.
/// </summary>
internal readonly record struct SipLocalAddress(string Host, int Port, string Protocol)
{
    public bool IsTcp => Protocol == "TCP";

    /// <summary>RFC 3261 §19.1.1: a Contact reached over TCP says so, or the peer would answer with UDP.</summary>
    public string ContactUri => IsTcp
        ? string.Create(CultureInfo.InvariantCulture, $"sip:{Host}:{Port};transport=tcp")
        : string.Create(CultureInfo.InvariantCulture, $"sip:{Host}:{Port}");
}
