using System.Text.Json;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.V1.Calls;

/// <summary>Rebuilds a Calls API status sink after a restart.</summary>
public sealed class StatusHookSinkRestorer(TimeProvider timeProvider) : ICallEventSinkRestorer
{
    public string Dialect => StatusHookSink.DialectName;

    public ICallEventSink Restore(string state, WebhookQueue queue)
    {
        var saved = JsonSerializer.Deserialize(state, StatusHookJsonContext.Default.StatusHookSinkState)
            ?? throw new JsonException("empty status hook sink state");
        return new TaggedSink(new StatusHookSink(saved.Hook, new CallContext(saved.ApplicationSid, saved.CallerName), queue, timeProvider), saved.Tag);
    }

    /// <summary>The stored call has no tag; the one the call started with goes back on its events.</summary>
    private sealed class TaggedSink(StatusHookSink inner, JsonElement? tag) : ICallEventSink
    {
        public void OnCallEvent(CallEvent callEvent) =>
            inner.OnCallEvent(callEvent with { Call = callEvent.Call with { Tag = callEvent.Call.Tag ?? tag } });
    }
}
