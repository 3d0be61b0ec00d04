using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.UserAgent;

/// <summary>User agent log messages; event IDs 1300–1399.</summary>
internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Information, "Placing call {CallId} to {Target}")]
    public static partial void PlacingCall(ILogger logger, string callId, string target);

    [LoggerMessage(1301, LogLevel.Information, "Call {CallId} ended")]
    public static partial void CallEnded(ILogger logger, string callId);

    [LoggerMessage(1302, LogLevel.Debug, "Dropped a message from {Remote}: {Reason}")]
    public static partial void DroppedMessage(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(1303, LogLevel.Warning, "Sending to {Destination} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, IPEndPoint destination, SocketError error);

    [LoggerMessage(1304, LogLevel.Debug, "Response {StatusCode} from {Remote} matches no transaction")]
    public static partial void UnmatchedResponse(ILogger logger, int statusCode, IPEndPoint remote);

    [LoggerMessage(1305, LogLevel.Debug, "{Method} received for call {CallId} from {Remote}")]
    public static partial void RequestReceived(ILogger logger, string method, string callId, IPEndPoint remote);

    [LoggerMessage(1306, LogLevel.Information, "Rejected a malformed request from {Remote} with {StatusCode}: {Reason}")]
    public static partial void RejectedMalformed(ILogger logger, IPEndPoint remote, int statusCode, string reason);

    [LoggerMessage(1307, LogLevel.Information, "Incoming call {CallId} from {Remote} to {RequestUri}")]
    public static partial void IncomingCall(ILogger logger, string callId, IPEndPoint remote, string requestUri);

    [LoggerMessage(1308, LogLevel.Error, "The inbound call handler failed for call {CallId}; refused with 500")]
    public static partial void InboundHandlerFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(1309, LogLevel.Warning, "No ACK for the 2xx of call {CallId} within 64*T1; ending it with BYE")]
    public static partial void AckTimedOut(ILogger logger, string callId);

    [LoggerMessage(1310, LogLevel.Error, "Answering an SDP offer for call {CallId} failed; refused with 488")]
    public static partial void OfferAnswererFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(1311, LogLevel.Debug, "Re-INVITE for call {CallId} met another offer ({StatusCode}); retrying in {Delay}")]
    public static partial void ReinviteGlare(ILogger logger, string callId, int statusCode, TimeSpan delay);

    [LoggerMessage(1312, LogLevel.Information, "Merged INVITE for call {CallId} from {Remote} refused with 482 (RFC 3261 §8.2.2.2)")]
    public static partial void MergedRequest(ILogger logger, string callId, IPEndPoint remote);

    [LoggerMessage(1313, LogLevel.Debug, "Call {CallId} challenged with {StatusCode}; INVITE resent with credentials")]
    public static partial void Authenticating(ILogger logger, string callId, int statusCode);

    [LoggerMessage(1314, LogLevel.Warning, "TCP connection to {Remote} failed; its transactions fail with 503")]
    public static partial void ConnectionFailed(ILogger logger, IPEndPoint remote);
}
