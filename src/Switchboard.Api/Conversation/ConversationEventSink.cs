using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation;

/// <summary>
/// Posts a conversation's status callbacks: every change of the Conversation API's status name
/// (<see cref="CallbackStrategy.OnChange"/>) or only the final one, exactly once, in order. A verb skipped because it
/// could not run is listed in <c>failedVerbs</c> from then on, and with OnChange it is posted at once.
/// </summary>
public sealed class ConversationEventSink(
    string conversationTrackingId,
    ConversationCallback? callback,
    WebhookQueue queue,
    TimeProvider timeProvider) : IRecoverableCallEventSink
{
    public const string DialectName = "conversation";

    private readonly List<ConversationFailedVerb> _failedVerbs = [];
    private string? _lastPosted;

    public string Dialect => DialectName;

    /// <summary>The sink of each leg a DIAL places: the same callback hears the leg's statuses, with the leg's own messageId.</summary>
    public static Func<ICallEventSink> ForDialLegs(string conversationTrackingId, ConversationCallback? callback, WebhookOutbox outbox, TimeProvider timeProvider) =>
        () =>
        {
            if (callback is null)
            {
                return SilentSink.Instance;
            }

            var queue = outbox.OpenQueue();
            return new DurableCallEventSink(new ConversationEventSink(conversationTrackingId, callback, queue, timeProvider), queue);
        };

    public string SaveState(CallSnapshot call) => JsonSerializer.Serialize(
        new ConversationSinkState(conversationTrackingId, callback?.Url, callback?.FallbackUrl, callback?.Strategy ?? CallbackStrategy.OnChange),
        ConversationJsonContext.Default.ConversationSinkState);

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is VerbFailed failed)
        {
            OnVerbFailed(failed);
            return;
        }

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
            delivery = Delivery(callEvent, name);
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

    private void OnVerbFailed(VerbFailed failed)
    {
        _failedVerbs.Add(new ConversationFailedVerb(failed.Verb.Name.ToUpperInvariant(), failed.Reason, failed.At)
        {
            FileUrl = (failed.Verb as PlayVerb)?.Url.AbsoluteUri,
        });
        if (callback is { Strategy: CallbackStrategy.OnChange })
        {
            queue.Enqueue(Delivery(failed, failed.Call.Status.ToConversation()));
        }
    }

    private WebhookDelivery Delivery(CallEvent callEvent, string statusName)
    {
        var call = callEvent.Call;
        var payload = new ConversationStatusPayload(
            call.Sid, conversationTrackingId, call.From, call.To, "Outbound",
            new ConversationStatus(statusName, callEvent.At), call.DurationSeconds(timeProvider.GetUtcNow()))
        {
            ParentMessageId = call.ParentCallSid,
            FailedVerbs = _failedVerbs.Count == 0 ? null : [.. _failedVerbs],
        };
        var body = WebhookJson.Serialize(payload, ConversationJsonContext.Default.ConversationStatusPayload);
        return new WebhookDelivery(callback!.Url, body) { AccountSid = call.AccountSid, Event = callEvent.Name, FallbackUrl = callback.FallbackUrl };
    }
}
