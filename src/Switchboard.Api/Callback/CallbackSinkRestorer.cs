using System.Text.Json;
using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Callback;

/// <summary>
/// After a crash, posts the final event a callback session still owed: <c>Failed</c> with the restart as the
/// reason, and the leg start-up recovery just ended. Its queue is the session's own, resumed: anything the session
/// had queued but not delivered goes first, in order.
/// </summary>
public sealed class CallbackSinkRestorer : ICallEventSinkRestorer
{
    public string Dialect => CallbackLegStatusSink.DialectName;

    public ICallEventSink Restore(string state, WebhookQueue queue)
    {
        var saved = JsonSerializer.Deserialize(state, CallbackJsonContext.Default.CallbackSinkState)
            ?? throw new JsonException("empty callback sink state");
        return new FinalEventSink(saved, queue);
    }

    private sealed class FinalEventSink(CallbackSinkState session, WebhookQueue queue) : ICallEventSink
    {
        public void OnCallEvent(CallEvent callEvent)
        {
            if (callEvent is not CallStatusChanged { Call: var call } changed)
            {
                return;
            }

            // Start-up recovery ended every leg that was still live; a leg that had already ended keeps its status.
            var status = call.Status.ToConversation();
            var failed = CallStatus.Failed.ToConversation();
            var legs = new Dictionary<string, CallbackLegSummary>
            {
                [CallbackLegNames.LegA] = new(session.LegASid, call.Sid == session.LegASid ? status : failed),
                [CallbackLegNames.LegB] = new(session.LegBSid, call.Sid == session.LegBSid ? status : failed),
            };
            var callback = new ConversationCallback(session.Url, session.Strategy) { FallbackUrl = session.FallbackUrl };
            queue.Complete(CallbackSessionNotifier.Delivery(
                callback, session.SessionSid, CallbackEventNames.Failed, callEvent.At, null, changed.Reason ?? CrashRecovery.RestartReason, legs));
        }
    }
}
