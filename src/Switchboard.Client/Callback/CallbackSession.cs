namespace Switchboard.Client.Callback;

/// <summary>A callback session and both its legs.</summary>
public sealed record CallbackSession(
    string Sid,
    string Status,
    string Mode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? BridgedAt,
    DateTimeOffset? EndedAt,
    string? Reason,
    IReadOnlyDictionary<string, CallbackLegStatus> Legs);
