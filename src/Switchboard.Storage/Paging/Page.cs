namespace Switchboard.Storage.Paging;

/// <summary>Items in creation order, and the cursor of the next page when there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
