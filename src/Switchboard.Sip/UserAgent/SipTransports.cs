using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The user agent's transports: UDP, and TCP on the same port number (RFC 3261 §18: a UA listens on both).
/// Picks the transport for a URI from its <c>transport</c> parameter (RFC 3261 §19.1.1, RFC 3263 §4.1 without
/// NAPTR), defaulting to the dialog's own transport, else UDP.
/// </summary>
internal sealed class SipTransports : IAsyncDisposable
{
    private const int BindAttempts = 5;

    private SipTransports(UdpSipTransport udp, TcpSipTransport? tcp)
    {
        Udp = udp;
        Tcp = tcp;
    }

    public UdpSipTransport Udp { get; }

    public TcpSipTransport? Tcp { get; }

    /// <summary>
    /// Binds UDP, then TCP on the same port. With port 0 the OS picks the UDP port, which TCP may find taken; then
    /// both are retried on a fresh port a few times.
    /// </summary>
    public static async Task<SipTransports> StartAsync(SipUserAgentOptions options, TimeProvider time, ILoggerFactory loggers, Func<ISipTransport, ISipTransportHandler> inbox, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var udp = new UdpSipTransport(options.ListenEndPoint, loggers.CreateLogger<UdpSipTransport>());
            await udp.StartAsync(inbox(udp), cancellationToken).ConfigureAwait(false);
            if (!options.EnableTcp)
            {
                return new SipTransports(udp, null);
            }

            var tcp = new TcpSipTransport(new IPEndPoint(options.ListenEndPoint.Address, udp.LocalEndPoint.Port), time, options.Tcp, loggers.CreateLogger<TcpSipTransport>());
            try
            {
                await tcp.StartAsync(inbox(tcp), cancellationToken).ConfigureAwait(false);
                return new SipTransports(udp, tcp);
            }
            catch (SocketException) when (options.ListenEndPoint.Port == 0 && attempt < BindAttempts)
            {
                await tcp.DisposeAsync().ConfigureAwait(false);
                await udp.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await tcp.DisposeAsync().ConfigureAwait(false);
                await udp.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// The transport a request to <paramref name="uri"/> goes over, or null when it names one we do not run (TLS,
    /// SCTP, WebSocket, or TCP when disabled); <c>sips:</c> needs TLS, which we do not have yet.
    /// </summary>
    public ISipTransport? For(SipUri uri, ISipTransport? dialogTransport)
    {
        if (uri.IsSecure)
        {
            return null;
        }

        var name = uri.GetParameter("transport");
        if (name is null)
        {
            return dialogTransport ?? Udp;
        }

        if (name.Equals("udp", StringComparison.OrdinalIgnoreCase))
        {
            return Udp;
        }

        return name.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? Tcp : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Tcp is not null)
        {
            await Tcp.DisposeAsync().ConfigureAwait(false);
        }

        await Udp.DisposeAsync().ConfigureAwait(false);
    }
}
