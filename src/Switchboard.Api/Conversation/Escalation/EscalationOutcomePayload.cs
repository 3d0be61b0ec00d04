namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// The body posted to <c>callback.url</c> when a person rejects and, exactly once, when the escalation ends:
/// the outcome, the person and try it concerns, and every attempt so far.
/// </summary>
public sealed record EscalationOutcomePayload(
    string ConversationTrackingId,
    EscalationOutcome Outcome,
    string? Recipient,
    int? Attempt,
    IReadOnlyList<EscalationAttemptView> Attempts);

/// <summary>The <c>outcome</c> object: <c>Accepted</c>, <c>Rejected</c>, <c>NoAnswer</c> or <c>Stopped</c>.</summary>
public sealed record EscalationOutcome(string Name, DateTimeOffset UpdatedDate);
