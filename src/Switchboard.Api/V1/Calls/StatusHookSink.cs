using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Webhooks;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Posts every status change of a call to its <c>call_status_hook</c>, in order, with <c>sip_status</c> and,
/// on the final status, <c>duration</c>. Without a hook nothing is posted.
/// </summary>
public sealed class StatusHookSink(WebhookTarget? statusHook, CallContext context, WebhookQueue queue, TimeProvider timeProvider) : ICallEventSink
{
    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is not CallStatusChanged { Call: var call } change)
        {
            return;
        }

        var final = call.Status.IsFinal();
        if (statusHook is not null && call.Status != CallStatus.Queued)
        {
            var payload = CallPayload.Build(call, context, change.SipStatus is null ? null : change.Reason, writer =>
            {
                if (final)
                {
                    writer.WriteNumber("duration", call.DurationSeconds(timeProvider.GetUtcNow()));
                }
            });
            queue.Enqueue(statusHook.ToDelivery(payload) with { AccountSid = call.AccountSid, Event = change.Name });
        }

        if (final)
        {
            queue.Complete();
        }
    }
}
