using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Calls.Durability;

/// <summary>
/// Runs once at start, before the server takes requests, and puts right what a crash (or <c>kill -9</c>) left:
/// calls still stored as live are ended <c>failed</c> ("server restarted"), undelivered webhooks are queued again in
/// their order, and every call whose final status was owed gets it, exactly once: the debt and the final webhook are
/// settled in one transaction, so a second crash cannot repeat or lose it.
/// </summary>
/// <remarks>
/// Assumes this process is the only node using the database: any call not final belongs to a run that is gone.
/// SIP dialogs of those calls are not torn down: the dialog state (route set, tags, CSeq) lives only in memory, so
/// the far end ends them by its own session or RTP timers.
/// </remarks>
public sealed class CrashRecovery(
    ICallStore calls,
    IWebhookOutboxStore outbox,
    WebhookOutbox webhooks,
    IEnumerable<ICallEventSinkRestorer> restorers,
    TimeProvider timeProvider,
    ILogger<CrashRecovery> logger)
{
    /// <summary>The reason given with the final status of a call the restart ended.</summary>
    public const string RestartReason = "server restarted";

    private static readonly string[] LiveStatuses = [.. Enum.GetValues<CallStatus>().Where(status => !status.IsFinal()).Select(status => status.ToWire())];

    /// <summary>Ends what was left live and queues what was left undelivered; returns how many calls were ended.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var ended = await EndLiveCallsAsync(now, cancellationToken).ConfigureAwait(false);
        var pending = (await outbox.ListPendingAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(message => message.CallSid, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        var owed = (await outbox.ListOwedFinalStatusesAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(debt => debt.CallSid, StringComparer.Ordinal);
        if (pending.Count > 0)
        {
            Log.Resuming(logger, pending.Values.Sum(messages => messages.Count), pending.Count);
        }

        foreach (var callSid in pending.Keys.Union(owed.Keys, StringComparer.Ordinal))
        {
            var messages = pending.GetValueOrDefault(callSid) ?? [];
            var debt = owed.GetValueOrDefault(callSid);
            var queue = webhooks.ResumeQueue(callSid, debt?.AccountSid ?? messages[0].AccountSid, debt is not null, messages);
            if (debt is not null)
            {
                await SettleAsync(debt, queue, ended.Contains(callSid), now, cancellationToken).ConfigureAwait(false);
            }

            // Settles the debt if the sink did not (no final webhook); ignored when it already completed the queue.
            queue.Complete();
        }

        return ended.Count;
    }

    private async Task<HashSet<string>> EndLiveCallsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in await calls.ListInStatusAsync(LiveStatuses, cancellationToken).ConfigureAwait(false))
        {
            var events = await calls.ListEventsAsync(call.Sid, cancellationToken).ConfigureAwait(false);
            var sequence = events.Count == 0 ? 1 : events.Max(callEvent => callEvent.Sequence) + 1;
            await calls.UpdateAsync(call with { Status = CallStatus.Failed.ToWire(), EndedAt = now, EndReason = RestartReason, HangupBy = CallHangupBy.System }, cancellationToken).ConfigureAwait(false);
            await calls.AppendEventAsync(new CallEventRecord(call.Sid, sequence, now, "status:" + CallStatus.Failed.ToWire(), RestartReason), cancellationToken).ConfigureAwait(false);
            Log.CallRecovered(logger, call.Sid);
            ended.Add(call.Sid);
        }

        return ended;
    }

    /// <summary>Rebuilds the call's sink over its resumed queue and shows it the call's final status.</summary>
    private async Task SettleAsync(OwedFinalStatus debt, WebhookQueue queue, bool endedNow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var restorer = restorers.FirstOrDefault(candidate => candidate.Dialect == debt.Dialect);
        var call = await calls.FindAsync(debt.AccountSid, debt.CallSid, cancellationToken).ConfigureAwait(false);
        if (restorer is null || call is null || CallStatusNames.FromWire(call.Status) is not { } status || !status.IsFinal())
        {
            Log.NoRestorer(logger, debt.CallSid, debt.Dialect);
            return;
        }

        // A call ended here has no SIP answer to report; one that ended before the crash keeps its own.
        var snapshot = new CallSnapshot(call.Sid, call.AccountSid, call.From, call.To, call.SipCallId, status, call.CreatedAt, call.AnsweredAt, call.EndedAt)
        {
            Direction = call.Direction,
            SipStatus = endedNow ? null : call.SipStatus,
        };
        restorer.Restore(debt.SinkState, queue).OnCallEvent(new CallStatusChanged(snapshot, now, null, endedNow ? RestartReason : null));
    }
}
