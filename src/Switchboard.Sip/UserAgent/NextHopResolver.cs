using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Turns a URI into the UDP address to send to. IP literals and <c>localhost</c> only need no lookup; other
/// names use the system resolver's A/AAAA records. RFC 3263 NAPTR/SRV lookups are not done yet.
/// </summary>
internal static class NextHopResolver
{
    public static bool TryResolve(SipUri uri, out IPEndPoint? endPoint)
    {
        endPoint = null;
        var host = uri.Host.Trim('[', ']');
        IPAddress? address;
        if (IPAddress.TryParse(host, out var literal))
        {
            address = literal;
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else
        {
            try
            {
                address = Array.Find(Dns.GetHostAddresses(host), a => a.AddressFamily == AddressFamily.InterNetwork);
            }
            catch (SocketException)
            {
                address = null;
            }
        }

        if (address is null)
        {
            return false;
        }

        endPoint = new IPEndPoint(address, uri.PortOrDefault);
        return true;
    }

    /// <summary>
    /// RFC 3261 §12.2.1.1 / §16.12: with a loose-routing first route the request goes to that route; otherwise
    /// to the remote target.
    /// </summary>
    public static SipUri NextHopUri(SipUri requestUri, IReadOnlyList<string> routeSet)
    {
        if (routeSet.Count > 0 && SipNameAddress.TryParse(System.Text.Encoding.UTF8.GetBytes(routeSet[0]), out var first))
        {
            return first.Uri;
        }

        return requestUri;
    }
}
