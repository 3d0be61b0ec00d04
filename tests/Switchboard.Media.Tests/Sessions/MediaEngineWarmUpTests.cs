using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaEngineWarmUpTests
{
    [Fact]
    public async Task WarmingUp_RunsTheClockOverAStream_AndLeavesNothingBehind()
    {
        await using var engine = TestEngines.Create(pairs: 4);
        var ticksBefore = engine.Clock.TickCount;

        await engine.WarmUpAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // The key and the clip went out on the clock (seven ticks at least); both sessions closed and their ports came back.
        Assert.True(engine.Clock.TickCount - ticksBefore >= 7, $"{engine.Clock.TickCount - ticksBefore} ticks");
        Assert.Equal(0, engine.ActiveSessions);
        Assert.Equal(4, engine.AvailablePorts);
        Assert.Equal(0, engine.Clock.StreamCount);
    }

    [Fact]
    public async Task WithPortsForOnlyOneSession_WarmingUpIsSkipped_AndThePortsStayFree()
    {
        await using var engine = TestEngines.Create(pairs: 1);

        await engine.WarmUpAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, engine.AvailablePorts);
        await using var session = engine.CreateSession(new RecordingObserver());
    }
}
