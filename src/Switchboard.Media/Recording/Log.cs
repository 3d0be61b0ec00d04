using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recording;

internal static partial class Log
{
    [LoggerMessage(3500, LogLevel.Information, "Recording {Path} started with {Channels} channel(s)")]
    public static partial void Started(ILogger logger, string path, int channels);

    [LoggerMessage(3501, LogLevel.Information, "Recording {Path} ended ({Reason}) after {Seconds} s")]
    public static partial void Ended(ILogger logger, string path, RecordingEndReason reason, double seconds);

    [LoggerMessage(3502, LogLevel.Error, "Recording {Path} could not be written")]
    public static partial void WriteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(3503, LogLevel.Warning, "Recording {Path}: the writer fell behind and {Frames} frame(s) were lost")]
    public static partial void FramesLost(ILogger logger, string path, long frames);
}
