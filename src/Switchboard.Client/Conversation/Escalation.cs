namespace Switchboard.Client.Conversation;

/// <summary>
/// Where an escalation stands: <see cref="State"/> <c>Running</c> or <c>Ended</c>, and once ended its
/// <see cref="Outcome"/> (<c>Accepted</c>, <c>NoAnswer</c> or <c>Stopped</c>).
/// </summary>
public sealed record Escalation(
    string ConversationTrackingId,
    string To,
    string State,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<EscalationAttempt> Attempts);
