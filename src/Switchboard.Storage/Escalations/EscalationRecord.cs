namespace Switchboard.Storage.Escalations;

/// <summary>
/// An escalation: a durable plan above single calls (call each person up to a number of times, then the next, until
/// one accepts). The store keeps what the dialect needs to run it again after a restart (<see cref="Request"/>, its
/// own text), where it stands, and every attempt made.
/// </summary>
/// <param name="Sid">The escalation's id (the Conversation API's <c>conversationTrackingId</c>).</param>
/// <param name="Request">The dialect's request, as text, to rebuild the plan from; opaque to the store.</param>
/// <param name="State"><c>Running</c> until the final outcome is decided, then <c>Ended</c>.</param>
public sealed record EscalationRecord(
    string Sid,
    string AccountSid,
    string Request,
    string State,
    DateTimeOffset CreatedAt)
{
    /// <summary>The final outcome (<c>Accepted</c>, <c>NoAnswer</c>, <c>Stopped</c>), once decided.</summary>
    public string? Outcome { get; init; }

    /// <summary>When the next attempt is due while the escalation waits between two attempts.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The attempts made so far, in order; filled when read.</summary>
    public IReadOnlyList<EscalationAttemptRecord> Attempts { get; init; } = [];
}
