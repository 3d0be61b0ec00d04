using Switchboard.Api.Conversation.Escalation;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Conversation;

/// <summary>A validated <c>POST /voice/conversation</c> body, with its dial plan already in native verbs.</summary>
public sealed record ConversationRequest(
    string From,
    string Phone,
    IReadOnlyList<Verb> Verbs,
    ConversationCallback? Callback,
    TimeSpan RingTimeout)
{
    /// <summary>The escalation (a Switchboard extension), when the request asks for more than one call.</summary>
    public EscalationRequest? Escalation { get; init; }
}
