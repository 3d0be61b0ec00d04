using Switchboard.Storage.Escalations;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// The rules of one escalation, without time or I/O: whom to call next given the attempts so far, and what the keys a
/// COLLECT got mean.
/// </summary>
/// <param name="People">Everyone called, in order: <c>to</c>, then the recipients.</param>
public sealed record EscalationPlan(IReadOnlyList<string> People, int Attempts, TimeSpan RetryAfter, string Accept, string Reject)
{
    public static EscalationPlan Of(string to, EscalationRequest request) =>
        new([to, .. request.Recipients], request.Attempts, request.RetryAfter, request.Accept, request.Reject);

    /// <summary>
    /// The step after <paramref name="attempts"/>, every one of which has its result: the same person again
    /// <see cref="RetryAfter"/> after the last try ended while they have tries left and did not reject, else the next
    /// person at once, else the end with <see cref="EscalationResults.NoAnswer"/>.
    /// </summary>
    public EscalationStep Next(IReadOnlyList<EscalationAttemptRecord> attempts, DateTimeOffset now)
    {
        if (attempts.Count == 0)
        {
            return new EscalationStep.Call(0, 1, now);
        }

        var last = attempts[^1];
        if (last.Result is null)
        {
            throw new InvalidOperationException($"attempt {last.Number} has no result yet");
        }

        if (last.Result == EscalationResults.Accepted)
        {
            return new EscalationStep.End(EscalationResults.Accepted);
        }

        if (last.Result != EscalationResults.Rejected && last.Attempt < Attempts)
        {
            var due = (last.EndedAt ?? now) + RetryAfter;
            return new EscalationStep.Call(last.RecipientIndex, last.Attempt + 1, due < now ? now : due);
        }

        return last.RecipientIndex + 1 < People.Count
            ? new EscalationStep.Call(last.RecipientIndex + 1, 1, now)
            : new EscalationStep.End(EscalationResults.NoAnswer);
    }

    /// <summary>
    /// What a COLLECT's keys say: its first key decides (a menu answer is one key), <see cref="EscalationResults.Accepted"/>
    /// or <see cref="EscalationResults.Rejected"/>; null when it is neither or nothing was pressed.
    /// </summary>
    public string? Judge(string digits)
    {
        if (digits.Length == 0)
        {
            return null;
        }

        var key = digits[0];
        return Accept.Contains(key, StringComparison.Ordinal) ? EscalationResults.Accepted
            : Reject.Contains(key, StringComparison.Ordinal) ? EscalationResults.Rejected
            : null;
    }
}
