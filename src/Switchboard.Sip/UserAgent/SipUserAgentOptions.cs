using System.Net;

namespace Switchboard.Sip.UserAgent;

/// <summary>Where the user agent listens and what address it writes into Via and Contact.</summary>
/// <param name="ListenEndPoint">The UDP address to bind, e.g. <c>0.0.0.0:5060</c>; port 0 picks a free port.</param>
/// <param name="AdvertisedHost">
/// The public address (the <c>SWITCHBOARD_PUBLIC_IP</c> setting). When null, a specific listen address is used,
/// and for a wildcard listen address the local address the OS would use toward each target.
/// </param>
public sealed record SipUserAgentOptions(IPEndPoint ListenEndPoint, string? AdvertisedHost);
