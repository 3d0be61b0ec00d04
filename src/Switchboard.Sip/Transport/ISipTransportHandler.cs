using System.Net;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transport;

/// <summary>Receives each message the transport reads. The span is only valid during the call.</summary>
public interface ISipTransportHandler
{
    void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote);

    /// <summary>
    /// A stream transport read a whole header section whose message it cannot frame (<paramref name="error"/>: a
    /// Content-Length missing, malformed or given twice with different values, RFC 3261 §18.3). The connection closes
    /// after this call, but the request can still be refused on it first. The span is only valid during the call.
    /// </summary>
    void OnUnframedMessage(ReadOnlySpan<byte> headerSection, SipParseError error, IPEndPoint remote)
    {
    }

    /// <summary>
    /// A stream transport could not connect to <paramref name="remote"/>, or lost the connection with messages still
    /// queued for it; what was sent there is lost (RFC 3261 §17.1.4, §18.4).
    /// </summary>
    void OnConnectionFailed(IPEndPoint remote)
    {
    }

    /// <summary>
    /// Completes when the answers still being made to messages from <paramref name="remote"/> have been handed to the
    /// transport (a REGISTER's waits for its credentials off the receive thread): a stream transport whose peer closed
    /// or broke the framing waits for it, within a short bound, before it stops sending.
    /// </summary>
    Task WhenAnsweredAsync(IPEndPoint remote) => Task.CompletedTask;

    /// <summary>
    /// True while a call not yet ended needs the connection to <paramref name="remote"/>: a stream transport then
    /// keeps it open past its idle timeout, and does not close it to make room for another.
    /// </summary>
    bool IsInUse(IPEndPoint remote) => false;
}
