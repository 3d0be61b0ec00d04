using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recording;

/// <summary>Recording log messages; event IDs 2500–2599.</summary>
internal static partial class Log
{
    [LoggerMessage(2500, LogLevel.Information, "Recording {Path} started with {Channels} channel(s)")]
    public static partial void Started(ILogger logger, string path, int channels);

    [LoggerMessage(2501, LogLevel.Information, "Recording {Path} ended ({Reason}) after {Seconds} s")]
    public static partial void Ended(ILogger logger, string path, RecordingEndReason reason, double seconds);

    [LoggerMessage(2502, LogLevel.Error, "Recording {Path} could not be written")]
    public static partial void WriteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(2503, LogLevel.Warning, "Recording {Path}: the writer fell behind and {Frames} frame(s) were lost")]
    public static partial void FramesLost(ILogger logger, string path, long frames);
}
