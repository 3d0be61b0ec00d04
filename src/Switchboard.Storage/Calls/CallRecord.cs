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
    DateTimeOffset? EndedAt);
