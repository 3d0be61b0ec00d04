using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Debug, "Port {Port} refused by the OS, trying the next")]
    public static partial void PortRefused(ILogger logger, int port, Exception exception);

    [LoggerMessage(3101, LogLevel.Debug, "Media session on port {Port} created")]
    public static partial void SessionCreated(ILogger logger, int port);

    [LoggerMessage(3102, LogLevel.Information, "Media session on port {Port} sends {Codec} to {Remote}")]
    public static partial void MediaNegotiated(ILogger logger, int port, string codec, IPEndPoint remote);

    [LoggerMessage(3103, LogLevel.Warning, "Media session on port {Port} cannot use the remote description: {Reason}")]
    public static partial void NegotiationFailed(ILogger logger, int port, string reason);

    [LoggerMessage(3104, LogLevel.Warning, "Media session on port {Port}: receive failed")]
    public static partial void ReceiveFailed(ILogger logger, int port, Exception exception);

    [LoggerMessage(3105, LogLevel.Warning, "Media session on port {Port}: send failed ({Error})")]
    public static partial void SendFailed(ILogger logger, int port, string error);

    [LoggerMessage(3106, LogLevel.Error, "Media session on port {Port}: observer threw")]
    public static partial void ObserverFailed(ILogger logger, int port, Exception exception);

    [LoggerMessage(3108, LogLevel.Information, "Media session on port {Port}: no RTP for {Seconds} s")]
    public static partial void MediaTimeout(ILogger logger, int port, double seconds);

    [LoggerMessage(3107, LogLevel.Debug, "Media session on port {Port} closed: {Received} packets received, {Malformed} malformed, {Sent} sent")]
    public static partial void SessionClosed(ILogger logger, int port, long received, long malformed, long sent);

    [LoggerMessage(3109, LogLevel.Debug, "Media session on port {Port} latched to the peer's RTP source {Source}")]
    public static partial void Latched(ILogger logger, int port, IPEndPoint source);

    [LoggerMessage(3110, LogLevel.Error, "Media session on port {Port}: an audio tap threw")]
    public static partial void TapFailed(ILogger logger, int port, Exception exception);
}
