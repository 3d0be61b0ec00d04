using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Escalations;

/// <summary>Escalations and their attempts, kept after they end so they can still be read.</summary>
public interface IEscalationStore
{
    Task InsertAsync(EscalationRecord escalation, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: the escalation's state (state, outcome, next attempt, end), <paramref name="attempt"/>
    /// (added, or its result written when it exists) and the outcome post the change owes, stored in the webhook
    /// outbox, so a crash leaves all or none of them. Returns the post's outbox id, or 0 without one.
    /// </summary>
    Task<long> SaveAsync(EscalationRecord escalation, EscalationAttemptRecord? attempt, OutboxMessage? post, CancellationToken cancellationToken);

    /// <summary>The escalation with its attempts, if it exists and belongs to the account.</summary>
    Task<EscalationRecord?> FindAsync(string accountSid, string sid, CancellationToken cancellationToken);

    /// <summary>Every escalation still running (start-up after a crash), with its attempts, oldest first.</summary>
    Task<IReadOnlyList<EscalationRecord>> ListRunningAsync(CancellationToken cancellationToken);
}
