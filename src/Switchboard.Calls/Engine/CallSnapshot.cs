namespace Switchboard.Calls.Engine;

/// <summary>An immutable view of a call at one moment, handed to script sources and event sinks.</summary>
public sealed record CallSnapshot(
    string Sid,
    string AccountSid,
    string From,
    string To,
    string? SipCallId,
    CallStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>Seconds from answer to end (or to now for a live call), zero if never answered.</summary>
    public int DurationSeconds(DateTimeOffset now) => AnsweredAt is { } answered
        ? (int)Math.Round(((EndedAt ?? now) - answered).TotalSeconds, MidpointRounding.AwayFromZero)
        : 0;
}
