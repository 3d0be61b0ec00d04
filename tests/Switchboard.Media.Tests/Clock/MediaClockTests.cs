using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Clock;

namespace Switchboard.Media.Tests.Clock;

public sealed class MediaClockTests
{
    [Fact]
    public async Task RegisteredStreams_AreTickedInOrder_UntilUnregistered()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(5), NullLogger<MediaClock>.Instance);
        var stream = new CountingStream(10);
        var registration = clock.Register(stream);

        await stream.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        registration.Dispose();
        var count = stream.Count;
        await Task.Delay(50);

        Assert.InRange(stream.Count, count, count + 1);
        Assert.Equal(0, clock.StreamCount);
        Assert.True(stream.Monotonic);
    }

    [Fact]
    public async Task AFailingStream_DoesNotStopTheOthers()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(5), NullLogger<MediaClock>.Instance);
        using var failing = clock.Register(new FailingStream());
        var healthy = new CountingStream(5);
        using var registration = clock.Register(healthy);

        await healthy.Reached.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RegisteringFromATick_DoesNotDeadlock()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(5), NullLogger<MediaClock>.Instance);
        var inner = new CountingStream(3);
        using var outer = clock.Register(new RegisteringStream(clock, inner));

        await inner.Reached.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Pacing_IsAboutFiftyTicksPerSecond()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(20), NullLogger<MediaClock>.Instance);
        var stream = new CountingStream(50);
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var registration = clock.Register(stream);

        await stream.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task AStreamRegisteredWithAnIdleClock_StartsItsCadence_WithoutACatchUpTick()
    {
        // An idle clock sleeps to its period's last phase; a stream registered meanwhile once got a catch-up tick for
        // the period's first phase, already past, and its next tick one period after that phase. Five tries, each after
        // an idle spell of a different length, so registrations land at different points of a period.
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(20), 4, NullLogger<MediaClock>.Instance);
        var warmUp = new StampingStream(2);
        using (clock.Register(warmUp))
        {
            // Compiles the stream's tick, which would otherwise make the first attempt's first stamp late.
            await warmUp.Done.WaitAsync(TimeSpan.FromSeconds(10));
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Task.Delay(50 + (attempt * 4));
            var stream = new StampingStream(2);
            using (clock.Register(stream))
            {
                await stream.Done.WaitAsync(TimeSpan.FromSeconds(10));
            }

            var gap = (stream.Stamps[1] - stream.Stamps[0]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
            Assert.True(gap >= 12, $"the first two ticks were {gap:F1} ms apart (ticks {string.Join(",", stream.Ticks)})");
        }
    }

    private sealed class StampingStream(int count) : IMediaClockStream
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<long> Stamps { get; } = [];

        public List<long> Ticks { get; } = [];

        public Task Done => _done.Task;

        public void OnTick(long tick)
        {
            if (Stamps.Count < count)
            {
                Stamps.Add(System.Diagnostics.Stopwatch.GetTimestamp());
                Ticks.Add(tick);
                if (Stamps.Count == count)
                {
                    _done.SetResult();
                }
            }
        }
    }

    private sealed class CountingStream(int target) : IMediaClockStream
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _last = -1;
        private int _count;

        public Task Reached => _reached.Task;

        public int Count => Volatile.Read(ref _count);

        public bool Monotonic { get; private set; } = true;

        public void OnTick(long tick)
        {
            Monotonic &= tick > _last;
            _last = tick;
            if (Interlocked.Increment(ref _count) >= target)
            {
                _reached.TrySetResult();
            }
        }
    }

    private sealed class FailingStream : IMediaClockStream
    {
        public void OnTick(long tick) => throw new InvalidOperationException("boom");
    }

    private sealed class RegisteringStream(MediaClock clock, IMediaClockStream inner) : IMediaClockStream
    {
        private IDisposable? _registration;

        public void OnTick(long tick) => _registration ??= clock.Register(inner);
    }
}
