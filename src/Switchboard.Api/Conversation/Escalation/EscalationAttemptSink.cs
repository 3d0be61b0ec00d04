using System.Threading.Channels;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>An attempt's status sink: the conversation's own (every status posted as today), which also tells the escalation's loop how the call ended.</summary>
internal sealed class EscalationAttemptSink(ICallEventSink inner, ChannelWriter<EscalationMessage> escalation) : ICallEventSink
{
    public void OnCallEvent(CallEvent callEvent)
    {
        inner.OnCallEvent(callEvent);
        if (callEvent is CallStatusChanged { Call: { Status: var status } call } && status.IsFinal())
        {
            escalation.TryWrite(new EscalationMessage.CallEnded(call.Sid, status));
        }
    }
}
