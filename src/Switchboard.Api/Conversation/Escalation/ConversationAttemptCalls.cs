using System.Threading.Channels;
using Switchboard.Api.Problems;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Escalations;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// An escalation's attempts as conversation calls like any other, placed through the engine: statuses to
/// <c>callback.url</c> under each call's own <c>messageId</c>, COLLECTs to their <c>eventUrl</c>, and the keys and the
/// end also to the escalation's loop.
/// </summary>
internal sealed class ConversationAttemptCalls(
    string conversationTrackingId,
    string accountSid,
    ConversationRequest request,
    CallEngine engine,
    WebhookOutbox outbox,
    TimeProvider timeProvider) : IEscalationCalls
{
    public Task<PlacedCall> PlaceAsync(EscalationAttemptRecord attempt, ChannelWriter<EscalationMessage> loop, CancellationToken cancellationToken)
    {
        var queue = outbox.OpenQueue();
        var script = new EscalationAttemptScript(new ConversationScriptSource(conversationTrackingId, request.Verbs, outbox, outbox.Options.ReplyTimeout), loop);
        var status = new ConversationEventSink(conversationTrackingId, request.Callback, queue, timeProvider);
        var sink = new EscalationAttemptSink(new DurableCallEventSink(status, queue), loop);
        var call = new CallRequest(accountSid, request.From, null, null, CallTarget.Phone(attempt.Recipient), request.RingTimeout, [], script, sink)
        {
            Sid = attempt.CallSid,
            Dialect = CallDialect.Conversation,
            CreateLegSink = ConversationEventSink.ForDialLegs(conversationTrackingId, request.Callback, outbox, timeProvider),
        };
        return EngineRefusal.StartOrUndoAsync(engine.PlaceCallAsync(call, cancellationToken), queue.Complete);
    }

    public void Hangup(string callSid) => engine.Hangup(callSid);
}
