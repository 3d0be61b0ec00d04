using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Chooses the host written into Via and Contact: the configured public address, else a specific listen
/// address, else the source address the OS routes toward the target (found by connecting a UDP socket, which
/// sends nothing), cached per target, falling back to 127.0.0.1.
/// </summary>
internal sealed class LocalAddressResolver
{
    private readonly string? _fixedHost;
    private readonly ConcurrentDictionary<IPAddress, string> _byTarget = new();

    public LocalAddressResolver(SipUserAgentOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AdvertisedHost))
        {
            _fixedHost = options.AdvertisedHost;
        }
        else if (!options.ListenEndPoint.Address.Equals(IPAddress.Any) && !options.ListenEndPoint.Address.Equals(IPAddress.IPv6Any))
        {
            _fixedHost = FormatHost(options.ListenEndPoint.Address);
        }
    }

    public string GetHostToward(IPAddress target) => _fixedHost ?? _byTarget.GetOrAdd(target, Probe);

    public static string FormatHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static string Probe(IPAddress target)
    {
        try
        {
            using var probe = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(target, 9);
            if (probe.LocalEndPoint is IPEndPoint local && !local.Address.Equals(IPAddress.Any))
            {
                return FormatHost(local.Address);
            }
        }
        catch (SocketException)
        {
        }

        return "127.0.0.1";
    }
}
