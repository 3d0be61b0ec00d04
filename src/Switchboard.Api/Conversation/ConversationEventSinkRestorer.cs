using System.Text.Json;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation;

/// <summary>Rebuilds a conversation's status sink after a restart.</summary>
public sealed class ConversationEventSinkRestorer(TimeProvider timeProvider) : ICallEventSinkRestorer
{
    public string Dialect => ConversationEventSink.DialectName;

    public ICallEventSink Restore(string state, WebhookQueue queue)
    {
        var saved = JsonSerializer.Deserialize(state, ConversationJsonContext.Default.ConversationSinkState)
            ?? throw new JsonException("empty conversation sink state");
        var callback = saved.Url is null ? null : new ConversationCallback(saved.Url, saved.Strategy) { FallbackUrl = saved.FallbackUrl };
        return new ConversationEventSink(saved.ConversationTrackingId, callback, queue, timeProvider);
    }
}
