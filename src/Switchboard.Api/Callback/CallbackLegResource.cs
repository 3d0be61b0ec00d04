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
    int Duration)
{
    /// <summary>Why the leg ended (<c>media timeout</c>, the SIP reason, ...); null while it lives.</summary>
    public string? EndReason { get; init; }

    /// <summary>Who ended the leg: <c>callee</c> (the person called), <c>application</c>, <c>api</c> or <c>system</c>.</summary>
    public string? HangupBy { get; init; }
}
