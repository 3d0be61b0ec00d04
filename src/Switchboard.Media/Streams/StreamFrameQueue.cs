namespace Switchboard.Media.Streams;

/// <summary>
/// Frames on their way from the media threads to a WebSocket: a fixed ring of preallocated slots between one producer
/// and one consumer. A producer never waits: when the consumer (a slow agent) has fallen a whole ring behind, the new
/// frame is dropped and counted. Each slot keeps the time its frame arrived, for the added-latency figures.
/// </summary>
public sealed class StreamFrameQueue
{
    private readonly byte[][] _slots;
    private readonly int[] _lengths;
    private readonly long[] _arrivals;
    private long _written;
    private long _read;
    private long _dropped;

    /// <param name="slots">Frames held at most (50 is one second of 20 ms frames).</param>
    /// <param name="slotBytes">The largest frame.</param>
    public StreamFrameQueue(int slots, int slotBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        _slots = new byte[slots][];
        for (var i = 0; i < slots; i++)
        {
            _slots[i] = new byte[slotBytes];
        }

        _lengths = new int[slots];
        _arrivals = new long[slots];
    }

    /// <summary>Wakes the consumer when a frame arrives (and when the stream is closing).</summary>
    public AsyncSignal Signal { get; } = new();

    /// <summary>Frames dropped because the consumer was a whole queue behind.</summary>
    public long DroppedFrames => Interlocked.Read(ref _dropped);

    /// <summary>Frames waiting.</summary>
    public int Count => (int)(Volatile.Read(ref _written) - Volatile.Read(ref _read));

    /// <summary>Producer: room for the next frame, or an empty span when the queue is full (the frame is then counted dropped).</summary>
    public Span<byte> BeginWrite()
    {
        var written = _written;
        if (written - Volatile.Read(ref _read) >= _slots.Length)
        {
            Interlocked.Increment(ref _dropped);
            return [];
        }

        return _slots[written % _slots.Length];
    }

    /// <summary>Producer: publishes the <paramref name="length"/> bytes written after <see cref="BeginWrite"/>.</summary>
    public void EndWrite(int length, long arrivalTimestamp)
    {
        var index = _written % _slots.Length;
        _lengths[index] = length;
        _arrivals[index] = arrivalTimestamp;
        Volatile.Write(ref _written, _written + 1);
        Signal.Set();
    }

    /// <summary>Consumer: the oldest frame, still owned by the queue until <see cref="Release"/>.</summary>
    public bool TryPeek(out ReadOnlyMemory<byte> frame, out long arrivalTimestamp)
    {
        var read = _read;
        if (Volatile.Read(ref _written) == read)
        {
            frame = default;
            arrivalTimestamp = 0;
            return false;
        }

        var index = read % _slots.Length;
        frame = _slots[index].AsMemory(0, _lengths[index]);
        arrivalTimestamp = _arrivals[index];
        return true;
    }

    /// <summary>Consumer: gives the oldest frame's slot back.</summary>
    public void Release() => Volatile.Write(ref _read, _read + 1);
}
