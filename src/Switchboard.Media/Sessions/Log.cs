using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

/// <summary>Media session log messages; event IDs 2100–2199.</summary>
internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Debug, "Port {Port} refused by the OS, trying the next")]
    public static partial void PortRefused(ILogger logger, int port, Exception exception);

    [LoggerMessage(2101, LogLevel.Debug, "Media session on port {Port} created")]
    public static partial void SessionCreated(ILogger logger, int port);

    [LoggerMessage(2102, LogLevel.Information, "Media session on port {Port} sends {Codec} to {Remote}")]
    public static partial void MediaNegotiated(ILogger logger, int port, string codec, IPEndPoint remote);

    [LoggerMessage(2103, LogLevel.Warning, "Media session on port {Port} cannot use the remote description: {Reason}")]
    public static partial void NegotiationFailed(ILogger logger, int port, string reason);

    [LoggerMessage(2104, LogLevel.Warning, "Media session on port {Port}: receive failed")]
    public static partial void ReceiveFailed(ILogger logger, int port, Exception exception);

    [LoggerMessage(2105, LogLevel.Warning, "Media session on port {Port}: send failed ({Error})")]
    public static partial void SendFailed(ILogger logger, int port, string error);

    [LoggerMessage(2106, LogLevel.Error, "Media session on port {Port}: observer threw")]
    public static partial void ObserverFailed(ILogger logger, int port, Exception exception);

    [LoggerMessage(2108, LogLevel.Information, "Media session on port {Port}: no RTP for {Seconds} s")]
    public static partial void MediaTimeout(ILogger logger, int port, double seconds);

    [LoggerMessage(2107, LogLevel.Debug, "Media session on port {Port} closed: {Received} packets received, {Malformed} malformed, {Sent} sent")]
    public static partial void SessionClosed(ILogger logger, int port, long received, long malformed, long sent);

    [LoggerMessage(2109, LogLevel.Debug, "Media session on port {Port} latched to the peer's RTP source {Source}")]
    public static partial void Latched(ILogger logger, int port, IPEndPoint source);

    [LoggerMessage(2110, LogLevel.Error, "Media session on port {Port}: an audio tap threw")]
    public static partial void TapFailed(ILogger logger, int port, Exception exception);

    [LoggerMessage(2111, LogLevel.Error, "Media receive pump: epoll_wait failed with errno {Errno}")]
    public static partial void PumpFailed(ILogger logger, int errno);
}
