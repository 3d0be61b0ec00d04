using Switchboard.Calls.Engine;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>The names of an attempt's result and of an escalation's outcome, as posted and shown (docs/api/conversation.md).</summary>
public static class EscalationResults
{
    /// <summary>A key in <c>accept</c>: the attempt's result and the escalation's final outcome.</summary>
    public const string Accepted = "Accepted";

    /// <summary>A key in <c>reject</c>: the attempt's result and a (non-final) outcome post; the next person is called at once.</summary>
    public const string Rejected = "Rejected";

    /// <summary>The person answered but pressed no key of <c>accept</c> or <c>reject</c> before the call ended.</summary>
    public const string NoInput = "NoInput";

    public const string Busy = "Busy";

    /// <summary>The attempt rang out; as the final outcome, everybody was tried and nobody accepted.</summary>
    public const string NoAnswer = "NoAnswer";

    /// <summary>The call could not be placed or failed, or a server restart cut it.</summary>
    public const string Failed = "Failed";

    /// <summary><c>DELETE</c> stopped the escalation: the attempt's result and the final outcome.</summary>
    public const string Stopped = "Stopped";

    /// <summary>What an attempt whose call ended with <paramref name="status"/>, and no key decided it, amounts to.</summary>
    public static string OfCall(CallStatus status) => status switch
    {
        CallStatus.Completed => NoInput,
        CallStatus.Busy => Busy,
        CallStatus.NoAnswer => NoAnswer,
        _ => Failed,
    };
}
