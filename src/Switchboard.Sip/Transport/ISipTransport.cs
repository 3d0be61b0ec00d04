using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>
/// The seam between the SIP stack and the wire. UDP today; a TCP or TLS transport frames messages itself
/// (RFC 3261 §18.3) and hands whole messages to the same handler, and queues sends per connection.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>The Via transport token, e.g. <c>UDP</c>.</summary>
    string Protocol { get; }

    /// <summary>True for TCP/TLS: RFC 3261 §17 then skips retransmission timers.</summary>
    bool IsReliable { get; }

    /// <summary>The bound address, with the actual port when port 0 was asked for.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds and starts delivering received messages to <paramref name="handler"/>.</summary>
    Task StartAsync(ISipTransportHandler handler, CancellationToken cancellationToken);

    /// <summary>Sends one message. Throws <see cref="System.Net.Sockets.SocketException"/> when the send fails.</summary>
    void Send(ReadOnlySpan<byte> message, IPEndPoint destination);
}
