namespace Switchboard.Media.Clock;

/// <summary>
/// A small jitter buffer between audio that arrives when the network delivers it and a consumer that takes
/// one frame per clock tick. It starts (and restarts after running dry) only once it holds the playout
/// depth: two frames, or one frame more than the largest packet seen, so a 30 or 60 ms sender plays without
/// gaps. When it grows past that by <see cref="SlackFrames"/> frames (a burst, or a sender whose clock runs
/// fast) the oldest samples are dropped back to the playout depth, so delay stays bounded. A smaller backlog
/// that persists (after a stall of the consumer or the network, the buffer refills and then holds the extra
/// frames for good) is drained too: when even the lowest depth over <see cref="DrainWindowTicks"/> ticks exceeds
/// the playout depth by whole frames, those frames are dropped, so the added delay lasts about a second.
/// One producer thread, one consumer thread; nothing allocates after construction.
/// </summary>
internal sealed class PlayoutBuffer<T>
    where T : unmanaged
{
    /// <summary>Frames held beyond the playout depth before the excess is dropped.</summary>
    public const int SlackFrames = 6;

    /// <summary>Ticks (one second at 20 ms) over which a standing backlog is measured before it is drained.</summary>
    public const int DrainWindowTicks = 50;

    private readonly SampleRing<T> _ring;
    private readonly int _frame;
    private volatile int _largestWrite;
    private volatile bool _resetRequested;
    private bool _buffering = true;
    private int _lowestDepth = int.MaxValue;
    private int _windowTicks;
    private long _underruns;
    private long _overflows;

    public PlayoutBuffer(int frameSamples, int capacity)
    {
        _frame = frameSamples;
        _ring = new SampleRing<T>(capacity);
    }

    /// <summary>Ticks that found the buffer dry after it had started.</summary>
    public long Underruns => Interlocked.Read(ref _underruns);

    /// <summary>Writes refused for want of room, plus trims of an overfull buffer.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    /// <summary>Producer: appends one packet's samples; dropped when the ring is full.</summary>
    public void Write(ReadOnlySpan<T> samples)
    {
        if (samples.Length > _largestWrite)
        {
            _largestWrite = Math.Min(samples.Length, _ring.Capacity / 4);
        }

        if (!_ring.TryWrite(samples))
        {
            Interlocked.Increment(ref _overflows);
        }
    }

    /// <summary>Any thread: empties the buffer before the consumer's next read (e.g. when a bridge starts).</summary>
    public void Reset() => _resetRequested = true;

    /// <summary>Consumer: fills <paramref name="frame"/> and returns true, or returns false (play silence).</summary>
    public bool TryRead(Span<T> frame)
    {
        if (_resetRequested)
        {
            _resetRequested = false;
            _ring.Skip(int.MaxValue);
            _buffering = true;
            StartDrainWindow();
        }

        var depth = _ring.Count;
        var playout = Math.Max(2 * _frame, _largestWrite + _frame);
        if (_buffering)
        {
            if (depth < playout)
            {
                return false;
            }

            _buffering = false;
            StartDrainWindow();
        }

        if (depth < frame.Length)
        {
            _buffering = true;
            Interlocked.Increment(ref _underruns);
            return false;
        }

        if (depth > playout + (SlackFrames * _frame))
        {
            _ring.Skip(depth - playout);
            Interlocked.Increment(ref _overflows);
            StartDrainWindow();
        }
        else
        {
            DrainStandingBacklog(depth, playout);
        }

        _ring.Read(frame);
        return true;
    }

    /// <summary>
    /// Tracks the lowest depth of the window; at its end drops the whole frames that never left the buffer. A
    /// jittery sender's bursts raise the depth only for a moment and leave the low-water mark at the playout depth.
    /// </summary>
    private void DrainStandingBacklog(int depth, int playout)
    {
        _lowestDepth = Math.Min(_lowestDepth, depth);
        if (++_windowTicks < DrainWindowTicks)
        {
            return;
        }

        var standing = _lowestDepth - playout;
        var frames = standing / _frame;
        if (frames > 0)
        {
            _ring.Skip(frames * _frame);
            Interlocked.Increment(ref _overflows);
        }

        StartDrainWindow();
    }

    private void StartDrainWindow()
    {
        _lowestDepth = int.MaxValue;
        _windowTicks = 0;
    }
}
