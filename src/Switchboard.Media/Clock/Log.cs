using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Clock;

/// <summary>Media clock log messages; event IDs 2000–2099.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Media clock started with a {PeriodMs} ms period")]
    public static partial void Started(ILogger logger, double periodMs);

    [LoggerMessage(2001, LogLevel.Warning, "Media clock stalled: skipped {Skipped} ticks after {Late} ms late")]
    public static partial void SkippedTicks(ILogger logger, long skipped, double late);

    [LoggerMessage(2002, LogLevel.Error, "A media stream failed on tick {Tick}")]
    public static partial void StreamFailed(ILogger logger, long tick, Exception exception);
}
