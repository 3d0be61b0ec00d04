namespace Switchboard.Api.V1.Calls;

/// <summary>A page of <see cref="RecentCall"/>s: how many match in all, how many are here, and which page this is.</summary>
public sealed record RecentCallsPage(int Total, int Batch, int Page, IReadOnlyList<RecentCall> Data);
