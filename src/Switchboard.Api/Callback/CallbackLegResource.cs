namespace Switchboard.Api.Callback;

/// <summary>A leg of a session as <c>GET</c> shows it; <see cref="Status"/> is <c>NotCalled</c> for a leg never placed.</summary>
public sealed record CallbackLegResource(
    string Sid,
    string To,
    string From,
    string Status,
    string? ParentCallSid,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    int Duration);
