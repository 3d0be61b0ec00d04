using System.Text.Json;

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
    /// <summary><c>outbound</c> for calls Switchboard places, <c>inbound</c> for calls it receives.</summary>
    public string Direction { get; init; } = "outbound";

    /// <summary>The last SIP final or provisional status that changed the call's status, if any.</summary>
    public int? SipStatus { get; init; }

    /// <summary>The call whose <c>dial</c> placed this one, if one did.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>The application's data attached to the call (request <c>tag</c>, the <c>tag</c> verb), if any.</summary>
    public JsonElement? Tag { get; init; }

    /// <summary>Seconds from answer to end (or to now for a live call), zero if never answered.</summary>
    public int DurationSeconds(DateTimeOffset now) => CallDuration.Seconds(AnsweredAt, EndedAt, now);
}
