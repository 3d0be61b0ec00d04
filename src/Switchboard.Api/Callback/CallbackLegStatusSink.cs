using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Callback;

/// <summary>
/// Posts one leg's status changes to the session's <c>callback.url</c> with <see cref="CallbackStrategy.OnChange"/>
/// (every change of the status name, in order, on the session's queue). With <see cref="CallbackStrategy.OnCompletion"/>
/// the session's final event carries every leg's final status instead. Recoverable: the session's final event is
/// owed from the first leg event on, and after a crash <see cref="CallbackSinkRestorer"/> posts it.
/// </summary>
public sealed class CallbackLegStatusSink(
    CallbackSinkState session,
    CallbackLeg leg,
    ConversationCallback callback,
    WebhookQueue queue,
    TimeProvider timeProvider) : IRecoverableCallEventSink
{
    public const string DialectName = "callback";

    private string? _lastPosted;

    public string Dialect => DialectName;

    public string SaveState(CallSnapshot call) => JsonSerializer.Serialize(session, CallbackJsonContext.Default.CallbackSinkState);

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callback.Strategy != CallbackStrategy.OnChange || callEvent is not CallStatusChanged { Call: var call })
        {
            return;
        }

        var name = call.Status.ToConversation();
        if (name == _lastPosted)
        {
            return;
        }

        _lastPosted = name;
        var payload = new CallbackLegStatusPayload(
            Guid.NewGuid().ToString(), session.SessionSid, leg.ToWire(), call.Sid, call.From, call.To, "Outbound",
            new ConversationStatus(name, callEvent.At), call.DurationSeconds(timeProvider.GetUtcNow()));
        queue.Enqueue(new WebhookDelivery(callback.Url, WebhookJson.Serialize(payload, CallbackJsonContext.Default.CallbackLegStatusPayload))
        {
            Event = $"{leg.ToWire()}:{name}",
            FallbackUrl = callback.FallbackUrl,
        });
    }
}
