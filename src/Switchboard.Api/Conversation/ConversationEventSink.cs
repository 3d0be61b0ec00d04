using System.Text.Json;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Webhooks;

namespace Switchboard.Api.Conversation;

/// <summary>
/// Posts a conversation's status callbacks: every change of the Conversation API's status name
/// (<see cref="CallbackStrategy.OnChange"/>) or only the final one, exactly once, in order.
/// </summary>
public sealed class ConversationEventSink(
    string conversationTrackingId,
    ConversationCallback? callback,
    WebhookQueue queue,
    TimeProvider timeProvider) : ICallEventSink
{
    private string? _lastPosted;

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is not CallStatusChanged { Call: var call })
        {
            return;
        }

        var final = call.Status.IsFinal();
        var name = call.Status.ToConversation();
        var wanted = callback is not null
            && name != _lastPosted
            && (callback.Strategy == CallbackStrategy.OnChange || final);
        if (wanted)
        {
            _lastPosted = name;
            var payload = new ConversationStatusPayload(
                call.Sid, conversationTrackingId, call.From, call.To, "Outbound",
                new ConversationStatus(name, callEvent.At), call.DurationSeconds(timeProvider.GetUtcNow()));
            var body = JsonSerializer.SerializeToUtf8Bytes(payload, ConversationJsonContext.Default.ConversationStatusPayload);
            queue.Enqueue(new WebhookDelivery(callback!.Url, body) { AccountSid = call.AccountSid, Event = callEvent.Name });
        }

        if (final)
        {
            queue.Complete();
        }
    }
}
