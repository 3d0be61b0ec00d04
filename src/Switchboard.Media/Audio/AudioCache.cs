namespace Switchboard.Media.Audio;

/// <summary>
/// Decoded clips by URL, bounded both in entries and in bytes; when either bound is passed the least recently
/// used clips go first. Thread-safe (one lock; every operation is a few pointer moves).
/// </summary>
internal sealed class AudioCache
{
    private readonly long _maxBytes;
    private readonly int _maxEntries;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedAudio Audio)>> _entries = new(StringComparer.Ordinal);

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<(string Key, CachedAudio Audio)> _recency = new();
    private long _bytes;

    public AudioCache(long maxBytes, int maxEntries)
    {
        _maxBytes = maxBytes;
        _maxEntries = maxEntries;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public CachedAudio? TryGet(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Audio;
        }
    }

    public void Store(string key, CachedAudio audio)
    {
        lock (_gate)
        {
            RemoveLocked(key);
            if (audio.Size > _maxBytes || _maxEntries < 1)
            {
                return;
            }

            _entries[key] = _recency.AddFirst((key, audio));
            _bytes += audio.Size;
            while (_entries.Count > _maxEntries || _bytes > _maxBytes)
            {
                RemoveLocked(_recency.Last!.Value.Key);
            }
        }
    }

    public void Remove(string key)
    {
        lock (_gate)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(string key)
    {
        if (_entries.Remove(key, out var node))
        {
            _recency.Remove(node);
            _bytes -= node.Value.Audio.Size;
        }
    }
}
