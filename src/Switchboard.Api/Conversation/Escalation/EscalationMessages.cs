using Switchboard.Calls.Engine;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>Everything an escalation's loop hears, in one vocabulary: its timer, its calls' news, and DELETE.</summary>
internal abstract record EscalationMessage
{
    /// <summary>The wait before attempt <paramref name="Number"/> is over.</summary>
    public sealed record AttemptDue(int Number) : EscalationMessage;

    /// <summary>A COLLECT of the attempt's call got <paramref name="Digits"/>.</summary>
    public sealed record KeysCollected(string CallSid, string Digits) : EscalationMessage;

    /// <summary>The attempt's call reached its final status.</summary>
    public sealed record CallEnded(string CallSid, CallStatus Status) : EscalationMessage;

    /// <summary><c>DELETE</c>: hang up, call nobody else.</summary>
    public sealed record StopRequested : EscalationMessage;
}
