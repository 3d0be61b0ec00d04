using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>
/// The inactivity rule on a manual clock, ticked as the media clock would (one tick per 20 ms): packets
/// keep a session alive; one silence is reported once; a peer on hold is never reported.
/// </summary>
public sealed class InactivityMonitorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void PacketsInsideThePeriod_KeepTheSessionFromTimingOut()
    {
        var run = new Run();
        run.Monitor.Arm(expectsMedia: true);

        for (var second = 0; second < 120; second++)
        {
            run.Advance(TimeSpan.FromSeconds(1));
            if (second % 20 == 0)
            {
                run.LastPacket = run.Time.GetTimestamp();
            }
        }

        Assert.Equal(0, run.Timeouts);
    }

    [Fact]
    public void ASilence_IsReportedOnce_WithinOneCheckInterval_AndAgainOnlyAfterPacketsResume()
    {
        var run = new Run();
        run.Monitor.Arm(expectsMedia: true);
        Assert.Equal(50, run.Monitor.CheckIntervalTicks);

        run.Advance(TimeSpan.FromSeconds(5));
        run.LastPacket = run.Time.GetTimestamp();
        run.Advance(Timeout - TimeSpan.FromMilliseconds(20));
        Assert.Equal(0, run.Timeouts);

        run.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, run.Timeouts);

        run.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, run.Timeouts);

        run.LastPacket = run.Time.GetTimestamp();
        run.Advance(Timeout + TimeSpan.FromSeconds(1));
        Assert.Equal(2, run.Timeouts);
    }

    [Fact]
    public void APeerOnHold_IsNeverReported_AndResumingCountsTheSilenceFromTheResume()
    {
        var run = new Run();
        run.Monitor.Arm(expectsMedia: true);
        run.Advance(TimeSpan.FromSeconds(10));

        run.Monitor.Arm(expectsMedia: false);
        run.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, run.Timeouts);

        run.Monitor.Arm(expectsMedia: true);
        run.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, run.Timeouts);
        run.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, run.Timeouts);
    }

    [Fact]
    public void ANewDescription_AfterAReportedSilence_ArmsAFreshPeriod()
    {
        var run = new Run();
        run.Monitor.Arm(expectsMedia: true);
        run.Advance(Timeout + TimeSpan.FromSeconds(1));
        Assert.Equal(1, run.Timeouts);

        run.Monitor.Arm(expectsMedia: true);
        run.Advance(Timeout + TimeSpan.FromSeconds(1));
        Assert.Equal(2, run.Timeouts);
    }

    [Fact]
    public void SessionsWithDifferentPhases_CheckOnDifferentTicks()
    {
        static long FirstCheckedTick(int phase)
        {
            var time = new ManualTimeProvider();
            long? reportedOn = null;
            long tick = 0;
            var monitor = new InactivityMonitor(time, Timeout, Tick, phase, () => 0, () => reportedOn ??= tick);
            monitor.Arm(expectsMedia: true);
            time.Advance(Timeout * 2);
            for (; tick < 50 && reportedOn is null; tick++)
            {
                monitor.OnTick(tick);
            }

            return reportedOn ?? -1;
        }

        var ticks = new[] { 0, 1, 2 }.Select(FirstCheckedTick).ToArray();

        Assert.DoesNotContain(-1, ticks);
        Assert.Equal(3, ticks.Distinct().Count());
    }

    [Fact]
    public void AShortTimeout_IsCheckedOnEveryFewTicks()
    {
        var time = new ManualTimeProvider();
        var monitor = new InactivityMonitor(time, TimeSpan.FromMilliseconds(200), Tick, 7, () => 0, () => { });
        Assert.Equal(1, monitor.CheckIntervalTicks);
    }

    /// <summary>A monitor ticked in step with a manual clock, counting the reports.</summary>
    private sealed class Run
    {
        private long _tick;

        public Run()
        {
            Monitor = new InactivityMonitor(Time, Timeout, Tick, phase: 3, () => LastPacket, () => Timeouts++);
        }

        public ManualTimeProvider Time { get; } = new();

        public InactivityMonitor Monitor { get; }

        public long LastPacket { get; set; }

        public int Timeouts { get; private set; }

        public void Advance(TimeSpan by)
        {
            for (var elapsed = TimeSpan.Zero; elapsed < by; elapsed += Tick)
            {
                Time.Advance(Tick);
                Monitor.OnTick(++_tick);
            }
        }
    }
}
