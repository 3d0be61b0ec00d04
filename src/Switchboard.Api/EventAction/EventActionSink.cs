using System.Text.Json;
using Switchboard.Api.V1.Recordings;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.EventAction;

/// <summary>
/// Posts an event/action call's DROPPED, exactly once, through the call's durable queue: every call gets one,
/// whether it was answered or not, and a crash before it leaves a debt the next start settles
/// (<see cref="EventActionSinkRestorer"/>). The other events are questions the call waits on; the script source
/// posts those.
/// </summary>
public sealed class EventActionSink(EventActionContext context, string? recordingSid, WebhookQueue queue, TimeProvider timeProvider) : IRecoverableCallEventSink
{
    public const string DialectName = "event-action";

    public string Dialect => DialectName;

    /// <summary>The sink over a durable queue: the call owes its DROPPED from its first event on.</summary>
    public static ICallEventSink Durable(EventActionContext context, string? recordingSid, WebhookQueue queue, TimeProvider timeProvider) =>
        new DurableCallEventSink(new EventActionSink(context, recordingSid, queue, timeProvider), queue);

    public string SaveState(CallSnapshot call) => JsonSerializer.Serialize(
        new EventActionSinkState(context.CallbackUrl, context.CorrelationId, context.RecordingsUrl, recordingSid),
        EventActionJsonContext.Default.EventActionSinkState);

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is not CallStatusChanged { Call: var call } change || !call.Status.IsFinal())
        {
            return;
        }

        var cause = DropCause.Of(change);
        var body = EventBody.Build(EventNames.Dropped, call, context, null, change.At, writer =>
        {
            writer.WriteString("status", cause.Status);
            writer.WriteString("droppedBy", cause.DroppedBy);
            EventBody.WriteError(writer, cause.Code, cause.Message);
            writer.WriteString("offeredTime", EventBody.Time(call.CreatedAt));
            if (call.AnsweredAt is { } answeredAt)
            {
                writer.WriteString("answeredTime", EventBody.Time(answeredAt));
                writer.WriteNumber("duration", call.DurationSeconds(timeProvider.GetUtcNow()));
                if (recordingSid is not null)
                {
                    writer.WriteString("recordingFileName", RecordingUrls.MediaUrl(context.RecordingsUrl, recordingSid));
                }
            }
        });
        queue.Complete(new WebhookDelivery(context.CallbackUrl, body) { AccountSid = call.AccountSid, Event = "event:" + EventNames.Dropped });
    }
}
