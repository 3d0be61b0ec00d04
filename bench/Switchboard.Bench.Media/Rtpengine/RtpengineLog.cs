using Microsoft.Extensions.Logging;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>Log messages of the rtpengine run (event IDs 9100–9199).</summary>
internal static partial class RtpengineLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Started rtpengine (pid {ProcessId}): {CommandLine}")]
    public static partial void Started(ILogger logger, int processId, string commandLine);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "rtpengine: {Line}")]
    public static partial void DaemonSaid(ILogger logger, string line);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "rtpengine {Command} for call {CallId} warned: {Warning}")]
    public static partial void RequestWarned(ILogger logger, string command, string callId, string warning);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Stopped rtpengine (pid {ProcessId})")]
    public static partial void Stopped(ILogger logger, int processId);
}
