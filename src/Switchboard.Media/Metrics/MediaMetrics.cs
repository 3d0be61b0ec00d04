using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Switchboard.Media.Metrics;

/// <summary>
/// The media clock's instruments (meter <see cref="MeterName"/>): how late each deadline with work ran and the ticks a
/// stall made it skip. Both are recorded once per deadline, not per packet, without tags, so the clock thread allocates
/// nothing for them.
/// </summary>
public static class MediaMetrics
{
    public const string MeterName = "Switchboard.Media";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Lateness = Meter.CreateHistogram(
        "switchboard.media.clock.lateness", "s", "How late the media clock ran each deadline that had streams to tick.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1] });

    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>(
        "switchboard.media.clock.skipped_ticks", "{tick}", "Ticks the media clock dropped because a stall left more due than it may send in a burst.");

    internal static void RanLate(long stopwatchTicks) => Lateness.Record((double)stopwatchTicks / Stopwatch.Frequency);

    internal static void SkippedTicks(long ticks) => Skipped.Add(ticks);
}
