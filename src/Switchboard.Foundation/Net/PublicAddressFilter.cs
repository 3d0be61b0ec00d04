using System.Net;
using System.Net.Sockets;

namespace Switchboard.Foundation.Net;

/// <summary>
/// Keeps fetches of user-given URLs (audio for <c>play</c>, and any other) on the public internet, so a call
/// script cannot make the server reach its own loopback services, the private network behind it, or a cloud
/// metadata endpoint (server-side request forgery). The check runs where the connection is made
/// (<see cref="SocketsHttpHandler.ConnectCallback"/>), on the addresses the host name resolved to and then on
/// the one actually connected: a name that resolves to a public address when a URL is checked and to
/// 127.0.0.1 when it is fetched (DNS rebinding) gains nothing, and neither do redirects, since every hop
/// connects through here.
/// </summary>
public sealed class PublicAddressFilter
{
    /// <param name="allowPrivate">
    /// True allows every address (a server whose audio lives on its own network, or tests on 127.0.0.1); false
    /// allows only <see cref="AddressScope.Public"/> ones.
    /// </param>
    public PublicAddressFilter(bool allowPrivate) => AllowPrivate = allowPrivate;

    /// <summary>Whether non-public addresses are allowed.</summary>
    public bool AllowPrivate { get; }

    /// <summary>Where <paramref name="address"/> leads (IPv4, IPv6, and IPv4 carried in IPv6).</summary>
    public static AddressScope Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AddressClassifier.Classify(address);
    }

    /// <summary>True when a connection to <paramref name="address"/> is allowed.</summary>
    public bool Allows(IPAddress address) => AllowPrivate || Classify(address) == AddressScope.Public;

    /// <summary>
    /// An HTTP handler whose every connection goes through <see cref="ConnectAsync"/>. Proxies are not used:
    /// through one, the check would see the proxy's address instead of the target's.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxAutomaticRedirections = 3,
    };

    /// <summary>
    /// Resolves the host, keeps the allowed addresses, connects to one of them, and checks the connected
    /// address again. Throws <see cref="RefusedAddressException"/> when none is allowed.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = Array.FindAll(resolved, Allows);
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException(host, resolved.Length == 0 ? AddressScope.Reserved : Classify(resolved[0]));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is not IPEndPoint remote || !Allows(remote.Address))
            {
                throw new RefusedAddressException(host, socket.RemoteEndPoint is IPEndPoint r ? Classify(r.Address) : AddressScope.Reserved);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
