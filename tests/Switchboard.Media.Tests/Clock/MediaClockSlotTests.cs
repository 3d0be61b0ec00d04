using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Clock;

namespace Switchboard.Media.Tests.Clock;

/// <summary>
/// Pacing at scale: past <see cref="MediaClock.SpreadAbove"/> streams, new ones are spread over the phases of
/// the period, each keeping its phase, so one tick's sends are no longer one long burst.
/// </summary>
public sealed class MediaClockSlotTests
{
    [Fact]
    public void AFewStreams_ShareOnePhase_AndMoreAreSpreadEvenlyOverTheOthers()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(20), 4, NullLogger<MediaClock>.Instance);
        var registrations = Enumerable.Range(0, MediaClock.SpreadAbove).Select(_ => clock.Register(new IdleStream())).ToList();
        Assert.Equal([MediaClock.SpreadAbove, 0, 0, 0], clock.StreamsPerSlot);

        registrations.AddRange(Enumerable.Range(0, 300).Select(_ => clock.Register(new IdleStream())));
        Assert.Equal([MediaClock.SpreadAbove, 100, 100, 100], clock.StreamsPerSlot);

        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        Assert.Equal(0, clock.StreamCount);
    }

    [Fact]
    public async Task StreamsInDifferentPhases_SeeTheSameTicks_OnePhaseApart()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(20), 4, NullLogger<MediaClock>.Instance);
        var filler = Enumerable.Range(0, MediaClock.SpreadAbove - 1).Select(_ => clock.Register(new IdleStream())).ToList();
        var first = new StampingStream();
        var second = new StampingStream();
        using var firstRegistration = clock.Register(first);
        using var secondRegistration = clock.Register(second);
        Assert.Equal([MediaClock.SpreadAbove, 1, 0, 0], clock.StreamsPerSlot);

        await Task.WhenAll(first.Reached, second.Reached).WaitAsync(TimeSpan.FromSeconds(10));

        var common = first.Stamps.Keys.Intersect(second.Stamps.Keys).Order().Skip(2).Take(30).ToArray();
        Assert.True(common.Length >= 20, "the streams saw different ticks");
        var offsets = common.Select(tick => (second.Stamps[tick] - first.Stamps[tick]) * 1000.0 / Stopwatch.Frequency).Order().ToArray();

        // The median is one phase (5 ms) later; a loaded machine may delay single ticks, not most of them.
        Assert.InRange(offsets[offsets.Length / 2], 3.0, 7.0);
        foreach (var registration in filler)
        {
            registration.Dispose();
        }
    }

    [Fact]
    public async Task AStreamMovedToTheNextPhase_IsTickedThere_NotAtItsOldPhase()
    {
        // Long phases (100 ms) so a loaded machine's delays stay small beside them.
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(400), 4, NullLogger<MediaClock>.Instance);
        var stream = new StampingStream();
        using var registration = clock.Register(stream);
        // The first tick may come in the catch-up after the idle clock's sleep; the second is on its deadline.
        await stream.NextTick.WaitAsync(TimeSpan.FromSeconds(10));
        var first = await stream.NextTick.WaitAsync(TimeSpan.FromSeconds(10));

        // Halfway through phase 1 the clock sleeps until phase 0 of the next period; the move must wake it for phase 2.
        await Task.Delay(TimeSpan.FromMilliseconds(150));
        var next = stream.NextTick;
        registration.MoveToNextPhase();
        Assert.Equal([0, 0, 1, 0], clock.StreamsPerSlot);

        var moved = await next.WaitAsync(TimeSpan.FromSeconds(10));
        var after = (moved - first) * 1000.0 / Stopwatch.Frequency;
        Assert.InRange(after, 190, 330);
    }

    [Fact]
    public void Slots_OutsideOneToTen_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(TimeSpan.FromMilliseconds(20), 0, NullLogger<MediaClock>.Instance));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(TimeSpan.FromMilliseconds(20), 11, NullLogger<MediaClock>.Instance));
    }

    private sealed class IdleStream : IMediaClockStream
    {
        public void OnTick(long tick)
        {
        }
    }

    private sealed class StampingStream : IMediaClockStream
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<long, long> Stamps { get; } = new();

        public Task Reached => _reached.Task;

        /// <summary>When the stream is next ticked (a <see cref="Stopwatch"/> timestamp).</summary>
        public Task<long> NextTick => Volatile.Read(ref _next).Task;

        public void OnTick(long tick)
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(now);
            Stamps[tick] = now;
            if (Stamps.Count >= 40)
            {
                _reached.TrySetResult();
            }
        }
    }
}
