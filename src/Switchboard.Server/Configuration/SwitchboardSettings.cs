using System.Net;

namespace Switchboard.Server.Configuration;

/// <summary>The server's settings, validated (see docs for each <c>SWITCHBOARD_*</c> variable).</summary>
public sealed record SwitchboardSettings(
    IPEndPoint Http,
    IPEndPoint Sip,
    string? PublicIp,
    int RtpPortMin,
    int RtpPortMax,
    string DataDirectory,
    string? Database,
    string? ApiKey,
    string? DefaultCarrier)
{
    /// <summary>
    /// How long an answered call may hear no RTP or RTCP before it is hung up (<c>SWITCHBOARD_MEDIA_TIMEOUT</c>);
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan MediaTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether audio URLs may lead to loopback, private, link-local, multicast or unique-local addresses
    /// (<c>SWITCHBOARD_ALLOW_PRIVATE_URLS</c>); off by default so a call script cannot probe the internal network.
    /// </summary>
    public bool AllowPrivateUrls { get; init; }

    /// <summary>The address written into SDP and Contact: the public IP, else the SIP listen address, else this host's.</summary>
    public string AdvertisedAddress => PublicIp
        ?? (Sip.Address.Equals(IPAddress.Any) ? HostAddress.Primary().ToString() : Sip.Address.ToString());
}
