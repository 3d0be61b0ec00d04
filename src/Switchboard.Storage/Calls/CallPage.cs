namespace Switchboard.Storage.Calls;

/// <summary>One page of a listing and how many calls match in all.</summary>
public sealed record CallPage(int Total, IReadOnlyList<CallRecord> Calls);
