namespace Switchboard.Media.Sessions;

/// <summary>
/// A set of listeners read on a media thread: adding or removing swaps an immutable array under a lock, so
/// reading is one volatile load, takes no lock and allocates nothing.
/// </summary>
internal sealed class ListenerSet<T>
    where T : class
{
    private readonly Lock _gate = new();
    private volatile T[] _items = [];

    /// <summary>The current listeners; never modified after it is published.</summary>
    public T[] Items => _items;

    public bool IsEmpty => _items.Length == 0;

    public void Add(T item)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_items, item) < 0)
            {
                _items = [.. _items, item];
            }
        }
    }

    public void Remove(T item)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_items, item) >= 0)
            {
                _items = [.. _items.Where(i => i != item)];
            }
        }
    }
}
