namespace Switchboard.Client.Conversation;

/// <summary>One call of an escalation: whom, which attempt, its call's <see cref="MessageId"/> and how it ended.</summary>
public sealed record EscalationAttempt(string Recipient, int Attempt, string MessageId, string? Result, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);
