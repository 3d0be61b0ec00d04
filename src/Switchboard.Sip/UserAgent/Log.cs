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

    [LoggerMessage(1306, LogLevel.Information, "Rejected a malformed request from {Remote} with 400: {Reason}")]
    public static partial void RejectedMalformed(ILogger logger, IPEndPoint remote, string reason);
}
