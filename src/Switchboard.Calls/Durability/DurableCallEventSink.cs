using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Calls.Durability;

/// <summary>
/// Puts a dialect's sink under the exactly-once guarantee: at the call's first event (before any webhook of it)
/// the queue records that a final status is owed and how to rebuild the sink, so a crash before the final status
/// leaves a debt that the next start settles.
/// </summary>
public sealed class DurableCallEventSink(IRecoverableCallEventSink inner, WebhookQueue queue) : ICallEventSink
{
    private bool _owed;

    public void OnCallEvent(CallEvent callEvent)
    {
        if (!_owed)
        {
            _owed = true;
            queue.OweFinalStatus(callEvent.Call.Sid, callEvent.Call.AccountSid, inner.Dialect, inner.SaveState(callEvent.Call));
        }

        inner.OnCallEvent(callEvent);
    }
}
