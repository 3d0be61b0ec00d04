namespace Switchboard.Storage.Calls;

/// <summary>A call as stored: who, where, and how far it got.</summary>
public sealed record CallRecord(
    string Sid,
    string AccountSid,
    string Direction,
    string From,
    string To,
    string? SipCallId,
    string Status,
    int? SipStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>The application whose hooks run the call, when one does.</summary>
    public string? ApplicationSid { get; init; }

    /// <summary>The call whose <c>dial</c> (or callback session) placed this one.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>The caller's display name: the From display name we sent, or the one an inbound caller sent.</summary>
    public string? CallerName { get; init; }

    /// <summary>Why the call ended (<c>media timeout</c>, <c>script error: ...</c>, the SIP reason); null while it lives.</summary>
    public string? EndReason { get; init; }

    /// <summary>Who ended it: <c>caller</c>, <c>callee</c>, <c>application</c>, <c>api</c> or <c>system</c>; null while it lives or when unknown.</summary>
    public string? HangupBy { get; init; }

    /// <summary>The call's application data (its <c>tag</c>) as JSON text, the newest the call was given; null without one.</summary>
    public string? Tag { get; init; }
}
