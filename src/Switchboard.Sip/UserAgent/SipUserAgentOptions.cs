using System.Net;
using Switchboard.Sip.Transport;

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
    /// Connection limits and timeouts for TCP (RFC 3261 §18 leaves them to the implementation). A connection a
    /// live call came in on stays open through the quiet middle of the call whatever the idle timeout.
    /// </summary>
    public SipTcpLimits Tcp { get; init; } = SipTcpLimits.Default;
}
