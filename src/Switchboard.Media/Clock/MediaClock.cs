using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Metrics;

namespace Switchboard.Media.Clock;

/// <summary>
/// The one pacing thread for every outgoing media stream of a packet time: it wakes on absolute deadlines
/// (start + n × period, measured with <see cref="Stopwatch"/>, so errors never accumulate) and ticks each
/// registered stream. Registration swaps an immutable snapshot, so it never blocks a tick, and a tick
/// allocates nothing. After a stall it catches up with at most <see cref="MaxBurst"/> back-to-back ticks
/// and skips the rest, so a receiver's jitter buffer is not flooded.
/// </summary>
/// <remarks>
/// Sending one packet costs a few microseconds, so a period's streams sent back to back take milliseconds
/// at scale (11 ms for 2,000 streams on loopback), and any delay to the thread meanwhile (preemption, an
/// interrupt) pushes every later stream of the tick: the last ones vary by milliseconds from tick to tick.
/// So the period is cut into <see cref="Slots"/> phases with a deadline each, and once slot 0 holds
/// <see cref="SpreadAbove"/> streams, new streams go to the least loaded slot: a stream keeps its phase
/// (its interval stays 20 ms), and a delay only spreads over its slot's streams, not the whole period.
/// Below that count everything stays in one phase, so a lightly loaded clock wakes once per period.
/// <para>
/// A stream may also move to the next phase due (<see cref="MediaClockRegistration.MoveToNextPhase"/>): an agent's
/// speech that starts after a silence then leaves within a phase rather than waiting up to a whole period for the
/// stream's old one. RFC 3550 §5.1 and RFC 3551 §4.1 allow the shift at a talkspurt's start, where the marker bit
/// lets the receiver adjust its playout. A stream that moves may be ticked twice with the same tick number (it moved
/// to a later phase of a period it was already ticked in) or skip one; <see cref="IMediaClockStream"/> says so.
/// </para>
/// </remarks>
public sealed class MediaClock : IDisposable
{
    /// <summary>The most ticks run back to back after a stall.</summary>
    public const int MaxBurst = 3;

    /// <summary>Streams slot 0 takes alone before new ones are spread over the other phases.</summary>
    public const int SpreadAbove = 500;

    private readonly ILogger _logger;
    private readonly long _slotTicks;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly IMediaClockStream[][] _slots;
    private readonly long _start;
    private readonly ManualResetEventSlim _moved = new(false, spinCount: 1);
    private volatile bool _stopping;
    private long _tickCount;
    private long _skippedTicks;
    private long _maxLatenessTicks;

    /// <summary>A clock with one phase per period (every stream ticked at the period's deadline).</summary>
    public MediaClock(TimeSpan period, ILogger<MediaClock> logger)
        : this(period, 1, logger)
    {
    }

    /// <param name="period">The packet time.</param>
    /// <param name="slots">Phases per period (1 to 10) that streams are spread over at scale.</param>
    /// <param name="logger">Where skipped ticks and failing streams are reported.</param>
    public MediaClock(TimeSpan period, int slots, ILogger<MediaClock> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slots, 10);
        _logger = logger;
        Period = period;
        Slots = slots;
        _slotTicks = (long)(period.TotalSeconds * Stopwatch.Frequency) / slots;
        _slots = [.. Enumerable.Range(0, slots).Select(_ => Array.Empty<IMediaClockStream>())];
        _start = Stopwatch.GetTimestamp();
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

    /// <summary>Phases per period.</summary>
    public int Slots { get; }

    /// <summary>Ticks run since start.</summary>
    public long TickCount => Interlocked.Read(ref _tickCount);

    /// <summary>Ticks dropped because a stall left more than <see cref="MaxBurst"/> due.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    /// <summary>The worst observed delay between a deadline and the tick that served it.</summary>
    public TimeSpan MaxLateness => TimeSpan.FromSeconds((double)Interlocked.Read(ref _maxLatenessTicks) / Stopwatch.Frequency);

    /// <summary>Registered streams.</summary>
    public int StreamCount => StreamsPerSlot.Sum();

    /// <summary>Streams registered in each phase.</summary>
    public IReadOnlyList<int> StreamsPerSlot => [.. Enumerable.Range(0, Slots).Select(slot => Volatile.Read(ref _slots[slot]).Length)];

    /// <summary>Adds <paramref name="stream"/>; it is ticked from the next tick on until the registration is disposed.</summary>
    public MediaClockRegistration Register(IMediaClockStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MediaClockRegistration registration;
        lock (_gate)
        {
            var slot = ChooseSlot();
            Volatile.Write(ref _slots[slot], [.. _slots[slot], stream]);
            registration = new MediaClockRegistration(this, slot, stream);
        }

        // An idle clock sleeps for a whole period: woken, it ticks the new stream from its next phase on.
        Wake();
        return registration;
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _moved.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
            _moved.Dispose();
        }
    }

    /// <summary>
    /// Moves a registered stream to the first phase whose deadline is at least <see cref="MoveMargin"/> away, so
    /// audio that is ready now leaves within about a phase, and audio that follows at the packet time (a little late)
    /// still meets its tick. Wakes the clock when that phase comes before the one it sleeps for.
    /// </summary>
    internal void MoveToNextPhase(MediaClockRegistration registration)
    {
        lock (_gate)
        {
            if (registration.IsDisposed)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp() - _start;
            var phase = (now + MoveMarginTicks + _slotTicks - 1) / _slotTicks;
            var slot = (int)(phase % Slots);
            if (slot == registration.Slot)
            {
                return;
            }

            Remove(registration.Slot, registration.Stream);
            Volatile.Write(ref _slots[slot], [.. _slots[slot], registration.Stream]);
            registration.Slot = slot;
        }

        Wake();
    }

    /// <summary>Cuts the clock's sleep short so it reads the slots again.</summary>
    private void Wake()
    {
        // An agent's audio or a new session may still come while the engine shuts down: a stopped clock has nothing to wake.
        if (!_stopping)
        {
            try
            {
                _moved.Set();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>How far ahead a moved stream's first deadline is at least: room for the next frames' jitter.</summary>
    public static readonly TimeSpan MoveMargin = TimeSpan.FromMilliseconds(1);

    private static readonly long MoveMarginTicks = (long)(MoveMargin.TotalSeconds * Stopwatch.Frequency);

    private int ChooseSlot()
    {
        if (_slots[0].Length < SpreadAbove)
        {
            return 0;
        }

        var least = 0;
        for (var slot = 1; slot < _slots.Length; slot++)
        {
            if (_slots[slot].Length < _slots[least].Length)
            {
                least = slot;
            }
        }

        return least;
    }

    internal void Unregister(MediaClockRegistration registration)
    {
        lock (_gate)
        {
            Remove(registration.Slot, registration.Stream);
        }
    }

    private void Remove(int slot, IMediaClockStream stream)
    {
        var streams = _slots[slot];
        var index = Array.IndexOf(streams, stream);
        if (index < 0)
        {
            return;
        }

        var next = new IMediaClockStream[streams.Length - 1];
        Array.Copy(streams, 0, next, 0, index);
        Array.Copy(streams, index + 1, next, index, next.Length - index);
        Volatile.Write(ref _slots[slot], next);
    }

    /// <summary>
    /// Runs phase deadlines: phase <c>p</c> of tick <c>n</c> is due at start + (n × slots + p) × slot length.
    /// Empty phases are passed without waking for them.
    /// </summary>
    private void Run()
    {
        long next = 0;
        long emptyThrough = -1;
        while (!_stopping)
        {
            // Reset before the slots are read: a move after this read sets it again and cuts the sleep short.
            _moved.Reset();
            var now = Stopwatch.GetTimestamp() - _start;
            var due = now / _slotTicks;
            next = PassEmptyPhases(next, Math.Min(emptyThrough, due));
            emptyThrough = -1;
            var target = NextOccupied(next);
            if (due >= target)
            {
                // Lateness against the first deadline that had work; empty phases before it had none to be late for.
                var late = now - (target * _slotTicks);
                MediaMetrics.RanLate(late);
                if (late > Interlocked.Read(ref _maxLatenessTicks))
                {
                    Interlocked.Exchange(ref _maxLatenessTicks, late);
                }

                // Whole periods only, so every phase keeps its place in the tick it belongs to.
                var behindTicks = ((due - next) / Slots) + 1;
                if (behindTicks > MaxBurst)
                {
                    var skipped = behindTicks - MaxBurst;
                    next += skipped * Slots;
                    Interlocked.Add(ref _skippedTicks, skipped);
                    MediaMetrics.SkippedTicks(skipped);
                    Log.SkippedTicks(_logger, skipped, late * 1000.0 / Stopwatch.Frequency);
                }

                for (; next <= due && !_stopping; next++)
                {
                    TickSlot(next);
                }

                continue;
            }

            // The phases before the target are empty, and so is the target itself when nothing is registered at all.
            emptyThrough = Volatile.Read(ref _slots[target % Slots]).Length > 0 ? target - 1 : target;
            SleepUntil(_start + (target * _slotTicks));
        }
    }

    /// <summary>
    /// Passes, without ticking, the phases up to <paramref name="through"/>: they were empty when the clock went to
    /// sleep and their deadlines went by while it slept. A stream registered meanwhile (registering wakes the clock)
    /// came after those deadlines, so its first tick is its next phase, not a catch-up of one that passed before it
    /// existed, which left the first packets of the first call after an idle spell 5 ms apart.
    /// </summary>
    private long PassEmptyPhases(long next, long through)
    {
        for (; next <= through; next++)
        {
            if (next % Slots == Slots - 1)
            {
                Interlocked.Increment(ref _tickCount);
            }
        }

        return next;
    }

    /// <summary>
    /// Sleeps to <paramref name="deadline"/>, in two parts when it is far: a wait a stream's move can end (only to the
    /// millisecond), then the precise sleep for the rest.
    /// </summary>
    private void SleepUntil(long deadline)
    {
        var interruptible = (deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency - 1;
        if (interruptible >= 1 && _moved.Wait((int)interruptible))
        {
            return;
        }

        PreciseSleep.Until(deadline);
    }

    /// <summary>
    /// The next phase worth waking for: the first within a period from <paramref name="next"/> whose slot has
    /// streams, else that period's last phase (an idle clock still wakes once per period to count ticks).
    /// Empty phases before it are run, at no cost, when it is due.
    /// </summary>
    private long NextOccupied(long next)
    {
        for (var phase = next; phase < next + Slots; phase++)
        {
            if (Volatile.Read(ref _slots[phase % Slots]).Length > 0)
            {
                return phase;
            }
        }

        return next + (Slots - 1 - (next % Slots));
    }

    private void TickSlot(long phase)
    {
        var tick = phase / Slots;
        var slot = (int)(phase % Slots);
        var streams = Volatile.Read(ref _slots[slot]);
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

        if (slot == Slots - 1)
        {
            Interlocked.Increment(ref _tickCount);
        }
    }
}
