namespace Switchboard.Client.Conversation;

/// <summary>The body of <c>POST /voice/conversation</c>: a call to <see cref="To"/> that runs <see cref="DialPlan"/>.</summary>
public sealed record ConversationRequest
{
    public required string From { get; init; }

    public required PhoneTarget To { get; init; }

    public required DialPlan DialPlan { get; init; }

    public StatusCallback? Callback { get; init; }

    /// <summary>Seconds to ring (default 60).</summary>
    public int? Timeout { get; init; }

    /// <summary>People called in turn until one accepts (a Switchboard extension).</summary>
    public EscalationPlan? Escalation { get; init; }
}
