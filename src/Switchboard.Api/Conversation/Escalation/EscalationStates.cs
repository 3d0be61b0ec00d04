namespace Switchboard.Api.Conversation.Escalation;

/// <summary>An escalation's stored state: it runs until its final outcome is decided, then it has ended.</summary>
public static class EscalationStates
{
    public const string Running = "Running";

    public const string Ended = "Ended";
}
