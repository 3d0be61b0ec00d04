using System.Net;

namespace Switchboard.Sip.UserAgent;

/// <summary>Where the user agent listens and what address it writes into Via and Contact.</summary>
/// <param name="ListenEndPoint">
/// The address to bind, e.g. <c>0.0.0.0:5060</c>, for UDP and (unless <see cref="EnableTcp"/> is off) TCP on the
/// same port; port 0 picks a free port for both.
/// </param>
/// <param name="AdvertisedHost">
/// The public address (the <c>SWITCHBOARD_PUBLIC_IP</c> setting). When null, a specific listen address is used,
/// and for a wildcard listen address the local address the OS would use toward each target.
/// </param>
public sealed record SipUserAgentOptions(IPEndPoint ListenEndPoint, string? AdvertisedHost)
{
    /// <summary>Listen for TCP too and send over it to URIs with <c>transport=tcp</c> (RFC 3261 §18). On by default.</summary>
    public bool EnableTcp { get; init; } = true;

    /// <summary>
    /// How long a TCP connection may carry no message before it is closed (RFC 3261 §18 leaves this to the
    /// implementation). Long enough to outlast the quiet middle of a call, whose BYE would otherwise need a new one.
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
