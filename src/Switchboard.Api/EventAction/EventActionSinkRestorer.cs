using System.Text.Json;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.EventAction;

/// <summary>Rebuilds an event/action call's DROPPED sink after a restart.</summary>
public sealed class EventActionSinkRestorer(TimeProvider timeProvider) : ICallEventSinkRestorer
{
    public string Dialect => EventActionSink.DialectName;

    public ICallEventSink Restore(string state, WebhookQueue queue)
    {
        var saved = JsonSerializer.Deserialize(state, EventActionJsonContext.Default.EventActionSinkState)
            ?? throw new JsonException("empty event/action sink state");
        return new EventActionSink(new EventActionContext(saved.CallbackUrl, saved.CorrelationId, saved.RecordingsUrl), saved.RecordingSid, queue, timeProvider);
    }
}
