namespace Switchboard.Api.Callback;

/// <summary><c>GET /voice/call/callback/{sid}</c>: the session and both legs.</summary>
/// <param name="Status">The session's state: <c>CallingFirst</c>, <c>CallingSecond</c>, <c>CallingBoth</c>, <c>Bridged</c>, <c>Ending</c>, <c>Completed</c> or <c>Failed</c>.</param>
public sealed record CallbackSessionResource(
    string Sid,
    string Status,
    string Mode,
    string First,
    DateTimeOffset CreatedAt,
    DateTimeOffset? BridgedAt,
    DateTimeOffset? EndedAt,
    string? FailedLeg,
    string? Reason,
    string? RecordingSid,
    IReadOnlyDictionary<string, CallbackLegResource> Legs);
