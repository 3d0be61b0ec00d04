namespace Switchboard.Api.Conversation.Escalation;

/// <summary>What an escalation does next, decided by <see cref="EscalationPlan.Next"/>.</summary>
public abstract record EscalationStep
{
    /// <summary>Call the person at <paramref name="RecipientIndex"/> (try <paramref name="Attempt"/>) at <paramref name="DueAt"/>.</summary>
    public sealed record Call(int RecipientIndex, int Attempt, DateTimeOffset DueAt) : EscalationStep;

    /// <summary>Nobody is left to call: the escalation ends with <paramref name="Outcome"/>.</summary>
    public sealed record End(string Outcome) : EscalationStep;
}
