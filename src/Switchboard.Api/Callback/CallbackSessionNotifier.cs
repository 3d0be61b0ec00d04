using System.Text.Json;
using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Webhooks;

namespace Switchboard.Api.Callback;

/// <summary>
/// Posts a session's own events to <c>callback.url</c>: all of them with <see cref="CallbackStrategy.OnChange"/>,
/// only the final one with <see cref="CallbackStrategy.OnCompletion"/>. The final event closes the session's queue:
/// the legs' own final statuses were queued before it, since a session ends only after both legs have.
/// </summary>
public sealed class CallbackSessionNotifier(ConversationCallback? callback, WebhookQueue? queue) : ICallbackSessionSink
{
    public void OnSessionEvent(CallbackSessionEvent sessionEvent)
    {
        if (callback is not null && queue is not null && (callback.Strategy == CallbackStrategy.OnChange || sessionEvent.IsFinal))
        {
            var payload = new CallbackSessionPayload(
                Guid.NewGuid().ToString(),
                sessionEvent.SessionSid,
                sessionEvent.Name,
                sessionEvent.At,
                sessionEvent.FailedLeg?.ToWire(),
                sessionEvent.Reason,
                sessionEvent.Legs.ToDictionary(leg => leg.Leg.ToWire(), leg => new CallbackLegSummary(leg.CallSid, CallbackLegStatusNames.Of(leg))));
            queue.Enqueue(new WebhookDelivery(callback.Url, JsonSerializer.SerializeToUtf8Bytes(payload, CallbackJsonContext.Default.CallbackSessionPayload)));
        }

        if (sessionEvent.IsFinal)
        {
            queue?.Complete();
        }
    }
}
