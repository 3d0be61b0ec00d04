using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>The inactivity rule on a manual clock: packets keep a session alive; one silence is reported once.</summary>
public sealed class InactivityMonitorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void PacketsInsideThePeriod_KeepTheSessionFromTimingOut()
    {
        var clock = new ManualTimeProvider();
        long lastPacket = 0;
        var timeouts = 0;
        using var monitor = new InactivityMonitor(clock, Timeout, () => lastPacket, () => timeouts++);

        for (var i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            lastPacket = clock.GetTimestamp();
        }

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, timeouts);
    }

    [Fact]
    public void ASilence_IsReportedOnce_AndAgainOnlyAfterPacketsResume()
    {
        var clock = new ManualTimeProvider();
        long lastPacket = 0;
        var timeouts = 0;
        using var monitor = new InactivityMonitor(clock, Timeout, () => lastPacket, () => timeouts++);

        clock.Advance(TimeSpan.FromMilliseconds(600));
        lastPacket = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, timeouts);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, timeouts);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, timeouts);

        lastPacket = clock.GetTimestamp();
        clock.Advance(Timeout);
        Assert.Equal(2, timeouts);
    }
}
