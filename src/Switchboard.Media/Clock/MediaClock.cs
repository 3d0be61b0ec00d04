using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Clock;

/// <summary>
/// The one pacing thread for every outgoing media stream of a packet time: it wakes on absolute deadlines
/// (start + n × period, measured with <see cref="Stopwatch"/>, so errors never accumulate) and ticks each
/// registered stream. Registration swaps an immutable snapshot, so it never blocks a tick, and a tick
/// allocates nothing. After a stall it catches up with at most <see cref="MaxBurst"/> back-to-back ticks
/// and skips the rest, so a receiver's jitter buffer is not flooded.
/// </summary>
public sealed class MediaClock : IDisposable
{
    /// <summary>The most ticks run back to back after a stall.</summary>
    public const int MaxBurst = 3;

    private static readonly long SpinThreshold = Stopwatch.Frequency / 1000;

    private readonly ILogger _logger;
    private readonly long _periodTicks;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private IMediaClockStream[] _streams = [];
    private volatile bool _stopping;
    private long _tickCount;
    private long _skippedTicks;
    private long _maxLatenessTicks;

    public MediaClock(TimeSpan period, ILogger<MediaClock> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromMilliseconds(1));
        _logger = logger;
        Period = period;
        _periodTicks = (long)(period.TotalSeconds * Stopwatch.Frequency);
        _thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "Switchboard media clock",
            Priority = ThreadPriority.AboveNormal,
        };
        _thread.Start();
        Log.Started(_logger, period.TotalMilliseconds);
    }

    public TimeSpan Period { get; }

    /// <summary>Ticks run since start.</summary>
    public long TickCount => Interlocked.Read(ref _tickCount);

    /// <summary>Ticks dropped because a stall left more than <see cref="MaxBurst"/> due.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    /// <summary>The worst observed delay between a deadline and the tick that served it.</summary>
    public TimeSpan MaxLateness => TimeSpan.FromSeconds((double)Interlocked.Read(ref _maxLatenessTicks) / Stopwatch.Frequency);

    /// <summary>Registered streams.</summary>
    public int StreamCount => Volatile.Read(ref _streams).Length;

    /// <summary>Adds <paramref name="stream"/>; it is ticked from the next tick on until the registration is disposed.</summary>
    public IDisposable Register(IMediaClockStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            _streams = [.. _streams, stream];
        }

        return new Registration(this, stream);
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Unregister(IMediaClockStream stream)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_streams, stream);
            if (index < 0)
            {
                return;
            }

            var next = new IMediaClockStream[_streams.Length - 1];
            Array.Copy(_streams, 0, next, 0, index);
            Array.Copy(_streams, index + 1, next, index, next.Length - index);
            _streams = next;
        }
    }

    private void Run()
    {
        var start = Stopwatch.GetTimestamp();
        long next = 0;
        while (!_stopping)
        {
            var now = Stopwatch.GetTimestamp() - start;
            var due = now / _periodTicks;
            if (due >= next)
            {
                var late = now - (next * _periodTicks);
                if (late > Interlocked.Read(ref _maxLatenessTicks))
                {
                    Interlocked.Exchange(ref _maxLatenessTicks, late);
                }

                var behind = due - next + 1;
                if (behind > MaxBurst)
                {
                    var skipped = behind - MaxBurst;
                    next += skipped;
                    Interlocked.Add(ref _skippedTicks, skipped);
                    Log.SkippedTicks(_logger, skipped, late * 1000.0 / Stopwatch.Frequency);
                }

                for (; next <= due && !_stopping; next++)
                {
                    TickAll(next);
                }

                continue;
            }

            WaitUntil(start + (next * _periodTicks));
        }
    }

    private void TickAll(long tick)
    {
        var streams = Volatile.Read(ref _streams);
        foreach (var stream in streams)
        {
            try
            {
                stream.OnTick(tick);
            }
            catch (Exception exception)
            {
                // One faulty stream must not silence every other call on this node.
                Log.StreamFailed(_logger, tick, exception);
            }
        }

        Interlocked.Increment(ref _tickCount);
    }

    private static void WaitUntil(long deadline)
    {
        // Sleep coarsely while far away (Sleep may overshoot by about a millisecond), then spin the rest.
        var remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining > 2 * SpinThreshold)
        {
            Thread.Sleep((int)((remaining - SpinThreshold) * 1000 / Stopwatch.Frequency));
            return;
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(50);
        }
    }

    private sealed class Registration(MediaClock clock, IMediaClockStream stream) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.Unregister(stream);
            }
        }
    }
}
