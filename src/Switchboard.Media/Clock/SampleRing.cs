using System.Numerics;

namespace Switchboard.Media.Clock;

/// <summary>
/// A fixed ring of samples between one producer thread and one consumer thread, without locks or
/// allocation: each side owns its counter and publishes it with a volatile write after touching the items,
/// so the other side never sees a count that runs ahead of the data.
/// </summary>
internal sealed class SampleRing<T>
    where T : unmanaged
{
    private readonly T[] _items;
    private readonly int _mask;
    private long _written;
    private long _read;

    /// <param name="capacity">Rounded up to a power of two.</param>
    public SampleRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[BitOperations.RoundUpToPowerOf2((uint)capacity)];
        _mask = _items.Length - 1;
    }

    public int Capacity => _items.Length;

    /// <summary>Samples written and not yet read.</summary>
    public int Count => (int)(Volatile.Read(ref _written) - Volatile.Read(ref _read));

    /// <summary>Samples ever written (a stream position: marks and clears are placed on it).</summary>
    public long TotalWritten => Volatile.Read(ref _written);

    /// <summary>Samples ever read or skipped.</summary>
    public long TotalRead => Volatile.Read(ref _read);

    /// <summary>Consumer: drops every sample before stream position <paramref name="position"/>.</summary>
    public void SkipTo(long position)
    {
        var read = _read;
        if (position > read)
        {
            Volatile.Write(ref _read, Math.Min(position, Volatile.Read(ref _written)));
        }
    }

    /// <summary>Producer: appends all of <paramref name="items"/>, or nothing when they do not fit.</summary>
    public bool TryWrite(ReadOnlySpan<T> items)
    {
        var written = _written;
        if (items.Length > _items.Length - (int)(written - Volatile.Read(ref _read)))
        {
            return false;
        }

        var start = (int)(written & _mask);
        var first = Math.Min(items.Length, _items.Length - start);
        items[..first].CopyTo(_items.AsSpan(start));
        items[first..].CopyTo(_items);
        Volatile.Write(ref _written, written + items.Length);
        return true;
    }

    /// <summary>Consumer: moves up to <c>destination.Length</c> samples out; returns how many.</summary>
    public int Read(Span<T> destination)
    {
        var read = _read;
        var count = Math.Min(destination.Length, (int)(Volatile.Read(ref _written) - read));
        var start = (int)(read & _mask);
        var first = Math.Min(count, _items.Length - start);
        _items.AsSpan(start, first).CopyTo(destination);
        _items.AsSpan(0, count - first).CopyTo(destination[first..]);
        Volatile.Write(ref _read, read + count);
        return count;
    }

    /// <summary>Consumer: drops up to <paramref name="count"/> of the oldest samples.</summary>
    public void Skip(int count)
    {
        var read = _read;
        count = Math.Min(count, (int)(Volatile.Read(ref _written) - read));
        Volatile.Write(ref _read, read + count);
    }
}
