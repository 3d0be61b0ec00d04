namespace Switchboard.Api.Conversation.Escalation;

/// <summary>One attempt as posted in an outcome and shown by <c>GET</c>: whom, which try, its call (<c>messageId</c>), how it ended.</summary>
public sealed record EscalationAttemptView(
    string Recipient,
    int Attempt,
    string MessageId,
    string? Result,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);
