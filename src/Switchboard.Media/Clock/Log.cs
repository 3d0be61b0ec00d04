using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Clock;

internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Media clock started with a {PeriodMs} ms period")]
    public static partial void Started(ILogger logger, double periodMs);

    [LoggerMessage(3001, LogLevel.Warning, "Media clock stalled: skipped {Skipped} ticks after {Late} ms late")]
    public static partial void SkippedTicks(ILogger logger, long skipped, double late);

    [LoggerMessage(3002, LogLevel.Error, "A media stream failed on tick {Tick}")]
    public static partial void StreamFailed(ILogger logger, long tick, Exception exception);
}
