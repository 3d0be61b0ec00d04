using Switchboard.Storage.Escalations;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>Stored escalations as the API shows them.</summary>
public static class EscalationViews
{
    public static IReadOnlyList<EscalationAttemptView> Attempts(IReadOnlyList<EscalationAttemptRecord> attempts) =>
        [.. attempts.Select(attempt => new EscalationAttemptView(attempt.Recipient, attempt.Attempt, attempt.CallSid, attempt.Result, attempt.StartedAt, attempt.EndedAt))];

    public static EscalationResource Resource(EscalationRecord record, ConversationRequest request)
    {
        var escalation = request.Escalation!;
        var plan = new EscalationPlanView(
            [.. escalation.Recipients.Select(phone => new EscalationRecipientView(phone))],
            escalation.Attempts,
            escalation.RetryAfter.TotalSeconds,
            escalation.Accept,
            escalation.Reject);
        return new EscalationResource(
            record.Sid, request.Phone, record.State, record.Outcome, plan, record.CreatedAt, record.NextAttemptAt, record.EndedAt, Attempts(record.Attempts));
    }
}
