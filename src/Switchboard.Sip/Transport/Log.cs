using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Transport;

/// <summary>Transport log messages; event IDs 1100–1199.</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "SIP UDP transport listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(1101, LogLevel.Error, "Handling a message from {Remote} failed")]
    public static partial void HandlerFailed(ILogger logger, IPEndPoint remote, Exception exception);

    [LoggerMessage(1102, LogLevel.Debug, "SIP UDP receive loop stopped: {Error}")]
    public static partial void ReceiveStopped(ILogger logger, SocketError error);

    [LoggerMessage(1103, LogLevel.Information, "SIP TCP transport listening on {EndPoint}")]
    public static partial void TcpListening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(1104, LogLevel.Debug, "SIP TCP connection to {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(1105, LogLevel.Warning, "SIP TCP stream from {Remote} cannot be framed, closing: {Reason}")]
    public static partial void FramingFailed(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(1106, LogLevel.Warning, "SIP TCP connection limit reached ({Limit}): the newest idle connection makes room for a new one, else the new one is refused")]
    public static partial void ConnectionLimitReached(ILogger logger, string limit);

    [LoggerMessage(1107, LogLevel.Debug, "SIP TCP connection from {Remote} refused: {Limit} open and none idle")]
    public static partial void ConnectionRefused(ILogger logger, IPEndPoint remote, string limit);

    [LoggerMessage(1108, LogLevel.Warning, "Accepting a SIP TCP connection failed ({Error}); retrying")]
    public static partial void AcceptFailed(ILogger logger, SocketError error);
}
