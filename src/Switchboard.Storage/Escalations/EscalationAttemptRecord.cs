namespace Switchboard.Storage.Escalations;

/// <summary>One call of an escalation: whom it called, which try of that person it was, and how it ended.</summary>
/// <param name="Number">The attempt's place in the escalation, from 1.</param>
/// <param name="RecipientIndex">The person's place in the plan, from 0 (the first person called).</param>
/// <param name="Attempt">Which try of that person, from 1.</param>
/// <param name="CallSid">The call placed for it.</param>
public sealed record EscalationAttemptRecord(
    int Number,
    int RecipientIndex,
    string Recipient,
    int Attempt,
    string CallSid,
    DateTimeOffset StartedAt)
{
    /// <summary>How the attempt ended (<c>Accepted</c>, <c>Rejected</c>, <c>Busy</c>, ...); null while it runs.</summary>
    public string? Result { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
