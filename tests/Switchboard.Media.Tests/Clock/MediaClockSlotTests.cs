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

        public ConcurrentDictionary<long, long> Stamps { get; } = new();

        public Task Reached => _reached.Task;

        public void OnTick(long tick)
        {
            Stamps[tick] = Stopwatch.GetTimestamp();
            if (Stamps.Count >= 40)
            {
                _reached.TrySetResult();
            }
        }
    }
}
