namespace Switchboard.Storage.Paging;

/// <summary>
/// One page of a listing: at most <paramref name="Limit"/> items after <paramref name="Cursor"/> (null for the first
/// page). Cursors are opaque; they come only from <see cref="Page{T}.NextCursor"/>.
/// </summary>
public sealed record PageRequest(int Limit, string? Cursor)
{
    /// <summary>Items per page when a request names no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page a request may ask for.</summary>
    public const int MaxLimit = 500;

    public static PageRequest First { get; } = new(DefaultLimit, null);
}
