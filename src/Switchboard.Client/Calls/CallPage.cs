namespace Switchboard.Client.Calls;

/// <summary>A page of calls, and the cursor of the next page (null on the last).</summary>
public sealed record CallPage(IReadOnlyList<Call> Calls, string? NextCursor);
