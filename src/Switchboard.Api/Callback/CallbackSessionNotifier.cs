using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Callback;

/// <summary>
/// Posts a session's own events to <c>callback.url</c>: all of them with <see cref="CallbackStrategy.OnChange"/>,
/// only the final one with <see cref="CallbackStrategy.OnCompletion"/>. The final event closes the session's queue
/// and is written in the transaction that settles what the queue owes (so it exists exactly once, also across a
/// crash); the legs' own final statuses were queued before it, since a session ends only after both legs have.
/// </summary>
public sealed class CallbackSessionNotifier(ConversationCallback? callback, WebhookQueue? queue) : ICallbackSessionSink
{
    public void OnSessionEvent(CallbackSessionEvent sessionEvent)
    {
        if (callback is null || queue is null)
        {
            return;
        }

        var legs = sessionEvent.Legs.ToDictionary(leg => leg.Leg.ToWire(), leg => new CallbackLegSummary(leg.CallSid, CallbackLegStatusNames.Of(leg)));
        var delivery = callback.Strategy == CallbackStrategy.OnChange || sessionEvent.IsFinal
            ? Delivery(callback, sessionEvent.SessionSid, sessionEvent.Name, sessionEvent.At, sessionEvent.FailedLeg?.ToWire(), sessionEvent.Reason, legs)
            : null;
        if (sessionEvent.IsFinal)
        {
            queue.Complete(delivery);
        }
        else if (delivery is not null)
        {
            queue.Enqueue(delivery);
        }
    }

    /// <summary>One session event for <paramref name="callback"/>.</summary>
    public static WebhookDelivery Delivery(
        ConversationCallback callback,
        string sessionSid,
        string name,
        DateTimeOffset at,
        string? failedLeg,
        string? reason,
        IReadOnlyDictionary<string, CallbackLegSummary> legs)
    {
        var payload = new CallbackSessionPayload(Guid.NewGuid().ToString(), sessionSid, name, at, failedLeg, reason, legs);
        return new WebhookDelivery(callback.Url, WebhookJson.Serialize(payload, CallbackJsonContext.Default.CallbackSessionPayload))
        {
            Event = "session:" + name,
            FallbackUrl = callback.FallbackUrl,
        };
    }
}
