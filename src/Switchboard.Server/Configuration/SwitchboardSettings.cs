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
    /// <summary>The address written into SDP and Contact: the public IP, else the SIP listen address, else this host's.</summary>
    public string AdvertisedAddress => PublicIp
        ?? (Sip.Address.Equals(IPAddress.Any) ? HostAddress.Primary().ToString() : Sip.Address.ToString());
}
