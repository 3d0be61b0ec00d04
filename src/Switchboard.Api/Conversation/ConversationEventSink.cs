using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation;

/// <summary>
/// Posts a conversation's status callbacks: every change of the Conversation API's status name
/// (<see cref="CallbackStrategy.OnChange"/>) or only the final one, exactly once, in order.
/// </summary>
public sealed class ConversationEventSink(
    string conversationTrackingId,
    ConversationCallback? callback,
    WebhookQueue queue,
    TimeProvider timeProvider) : IRecoverableCallEventSink
{
    public const string DialectName = "conversation";

    private string? _lastPosted;

    public string Dialect => DialectName;

    public string SaveState(CallSnapshot call) => JsonSerializer.Serialize(
        new ConversationSinkState(conversationTrackingId, callback?.Url, callback?.FallbackUrl, callback?.Strategy ?? CallbackStrategy.OnChange),
        ConversationJsonContext.Default.ConversationSinkState);

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
        WebhookDelivery? delivery = null;
        if (wanted)
        {
            _lastPosted = name;
            var payload = new ConversationStatusPayload(
                call.Sid, conversationTrackingId, call.From, call.To, "Outbound",
                new ConversationStatus(name, callEvent.At), call.DurationSeconds(timeProvider.GetUtcNow()));
            var body = WebhookJson.Serialize(payload, ConversationJsonContext.Default.ConversationStatusPayload);
            delivery = new WebhookDelivery(callback!.Url, body) { AccountSid = call.AccountSid, Event = callEvent.Name, FallbackUrl = callback.FallbackUrl };
        }

        if (final)
        {
            queue.Complete(delivery);
        }
        else if (delivery is not null)
        {
            queue.Enqueue(delivery);
        }
    }
}
