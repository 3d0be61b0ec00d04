using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>Receives each message the transport reads. The span is only valid during the call.</summary>
public interface ISipTransportHandler
{
    void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote);

    /// <summary>
    /// A stream transport could not connect to <paramref name="remote"/>, or lost the connection with messages still
    /// queued for it; what was sent there is lost (RFC 3261 §17.1.4, §18.4).
    /// </summary>
    void OnConnectionFailed(IPEndPoint remote)
    {
    }

    /// <summary>
    /// True while a call not yet ended needs the connection to <paramref name="remote"/>: a stream transport then
    /// keeps it open past its idle timeout, and does not close it to make room for another.
    /// </summary>
    bool IsInUse(IPEndPoint remote) => false;
}
