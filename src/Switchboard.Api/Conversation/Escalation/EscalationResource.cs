namespace Switchboard.Api.Conversation.Escalation;

/// <summary>The answer to <c>GET /voice/conversation/{conversationTrackingId}</c>: where the escalation stands.</summary>
/// <param name="To">The first person called (the request's <c>to.phone</c>).</param>
/// <param name="State"><c>Running</c> or <c>Ended</c>.</param>
/// <param name="Outcome">The final outcome once ended: <c>Accepted</c>, <c>NoAnswer</c> or <c>Stopped</c>.</param>
/// <param name="Escalation">The plan, as the request gave it (with its defaults filled in).</param>
/// <param name="NextAttemptAt">When the next attempt is due, while the escalation waits between two.</param>
/// <param name="Attempts">Every attempt so far, in order.</param>
public sealed record EscalationResource(
    string ConversationTrackingId,
    string To,
    string State,
    string? Outcome,
    EscalationPlanView Escalation,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<EscalationAttemptView> Attempts);

/// <summary>The plan of an escalation as shown by <c>GET</c>; <c>retryAfter</c> in seconds.</summary>
public sealed record EscalationPlanView(IReadOnlyList<EscalationRecipientView> Recipients, int Attempts, double RetryAfter, string Accept, string Reject);

/// <summary>One of the plan's <c>recipients</c>.</summary>
public sealed record EscalationRecipientView(string Phone);
