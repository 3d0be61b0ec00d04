using System.Text.Json;
using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Applications;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Posts every status change of a call to its <c>call_status_hook</c>, in order, with <c>sip_status</c> and,
/// on the final status, <c>duration</c>. Without a hook nothing is posted.
/// </summary>
public sealed class StatusHookSink(WebhookTarget? statusHook, CallContext context, WebhookQueue queue, TimeProvider timeProvider) : IRecoverableCallEventSink
{
    public const string DialectName = "calls-api";

    public string Dialect => DialectName;

    /// <summary>
    /// A sink whose call is owed a final status from its first event: after a crash, start-up recovery posts it
    /// (<see cref="StatusHookSinkRestorer"/>).
    /// </summary>
    public static ICallEventSink Durable(WebhookTarget? statusHook, CallContext context, WebhookQueue queue, TimeProvider timeProvider) =>
        new DurableCallEventSink(new StatusHookSink(statusHook, context, queue, timeProvider), queue);

    /// <summary>
    /// Sinks for the legs a call's <c>dial</c> places: the same status hook (payloads carry <c>parent_call_sid</c>),
    /// each leg with its own ordered, durable queue.
    /// </summary>
    public static Func<ICallEventSink> ForDialLegs(WebhookTarget? statusHook, CallContext context, WebhookOutbox outbox, TimeProvider timeProvider) =>
        () => statusHook is null && context.StatusRedirect.Hook is null ? SilentSink.Instance : Durable(statusHook, context, outbox.OpenQueue(), timeProvider);

    public string SaveState(CallSnapshot call) => JsonSerializer.Serialize(
        new StatusHookSinkState(Hook, context.ApplicationSid, context.CallerName, call.Tag),
        StatusHookJsonContext.Default.StatusHookSinkState);

    /// <summary>
    /// jambonz's <c>call_termination_by</c>: who hung up a call that was answered, <c>caller</c> for the far end
    /// (whichever way the call went) and <c>jambonz</c> for the platform's side (the application, the API, a limit);
    /// and <c>caller</c> for an inbound caller who gave up while it rang. Absent otherwise, as in jambonz.
    /// </summary>
    private static string? TerminationBy(CallSnapshot call, CallEndedBy? endedBy) => (call.Status, endedBy) switch
    {
        (CallStatus.Completed, CallEndedBy.FarEnd) => "caller",
        (CallStatus.Completed, CallEndedBy.Application or CallEndedBy.Api or CallEndedBy.Server) => "jambonz",
        (CallStatus.Canceled or CallStatus.NoAnswer, CallEndedBy.FarEnd) when call.Direction == "inbound" => "caller",
        _ => null,
    };

    /// <summary>The hook a <c>redirect</c>'s <c>statusHook</c> chose, else the one the call began with.</summary>
    private WebhookTarget? Hook => context.StatusRedirect.Hook ?? statusHook;

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is not CallStatusChanged { Call: var call } change)
        {
            return;
        }

        var final = call.Status.IsFinal();
        WebhookDelivery? delivery = null;
        if (Hook is { } hook && call.Status != CallStatus.Queued)
        {
            // A failure the engine decided (no SIP answer to quote) still says why.
            var reason = change.SipStatus is not null || call.Status == CallStatus.Failed ? change.Reason : null;
            var payload = CallPayload.Build(call, context, reason, writer =>
            {
                if (final)
                {
                    writer.WriteNumber("duration", call.DurationSeconds(timeProvider.GetUtcNow()));
                    if (TerminationBy(call, change.EndedBy) is { } by)
                    {
                        writer.WriteString("call_termination_by", by);
                    }
                }
            });
            delivery = hook.ToDelivery(payload) with { AccountSid = call.AccountSid, Event = change.Name };
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
