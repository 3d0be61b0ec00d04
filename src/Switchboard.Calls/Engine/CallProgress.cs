using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Feed;
using Switchboard.Calls.Metrics;
using Switchboard.Calls.Tracing;
using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Engine;

/// <summary>
/// The one place a call's status changes, on its loop: the status machine, the stored record and its ordered
/// events, the dialect's sink that turns each change into webhooks, and, for a dial leg, the dialling call told of
/// the end, and the live feed. The machine makes every final status final, which is what guarantees exactly one per leg.
/// </summary>
internal sealed class CallProgress(CallRecord record, ICallEventSink sink, ICallStore store, TimeProvider time, ILogger logger, CallStatusFeed? feed = null)
{
    private readonly CallStatusMachine _status = new(logger);
    private long _eventSequence;

    public CallRecord Record { get; set; } = record;

    /// <summary>The application's data, which every event carries; kept in the record too, so lists can filter by it.</summary>
    public JsonElement? Tag
    {
        get;
        set
        {
            field = value;
            Record = Record with { Tag = value?.GetRawText() };
        }
    }

    /// <summary>For a leg of another call's <c>dial</c>: told when the leg answers and ends; null once the dial let the leg go.</summary>
    public IDialLegObserver? LegObserver { get; set; }

    /// <summary>The leg <see cref="LegObserver"/> hears about.</summary>
    public IDialLeg? Leg { get; init; }

    public CallStatus Status => _status.Current;

    public bool IsFinal => _status.Current.IsFinal();

    public CallSnapshot Snapshot() => new(
        Record.Sid, Record.AccountSid, Record.From, Record.To, Record.SipCallId, _status.Current,
        Record.CreatedAt, Record.AnsweredAt, Record.EndedAt)
    {
        Direction = Record.Direction,
        SipStatus = Record.SipStatus,
        ParentCallSid = Record.ParentCallSid,
        Tag = Tag,
    };

    /// <summary>Ends the call with <paramref name="status"/>, stamping when it ended and who ended it.</summary>
    public async Task FinishAsync(CallStatus status, int? sipStatus, string? reason, CallEndedBy endedBy, CancellationToken cancellationToken)
    {
        Record = Record with { EndedAt = time.GetUtcNow() };
        await MoveAsync(status, sipStatus, reason, endedBy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves to <paramref name="next"/> and reports it; a repeat of the current status (a second 180) is no change.
    /// <see cref="CallStatus.Queued"/> is the starting status: it is reported, never moved to.
    /// </summary>
    public Task ChangeAsync(CallStatus next, int? sipStatus, string? reason, CancellationToken cancellationToken) =>
        MoveAsync(next, sipStatus, reason, null, cancellationToken);

    /// <summary>
    /// Stores and reports a verb the call skipped because it could not run it (or, as a <see cref="Verbs.SkippedVerb"/>,
    /// one this server cannot run yet); nothing once the call has ended. The stored detail is "name: reason".
    /// </summary>
    public async Task ReportVerbFailedAsync(Verbs.Verb verb, string reason, CancellationToken cancellationToken)
    {
        if (IsFinal)
        {
            return;
        }

        var now = time.GetUtcNow();
        await store.AppendEventAsync(new CallEventRecord(Record.Sid, ++_eventSequence, now, CallEventNames.VerbFailed, $"{verb.Name}: {reason}"), cancellationToken).ConfigureAwait(false);
        Log.VerbNotRun(logger, Record.Sid, verb.Name, reason);
        sink.OnCallEvent(new VerbFailed(Snapshot(), now, verb, reason));
    }

    /// <summary>
    /// Stores a timeline entry no dialect reports (a verb started or ended, an AMD decision), numbered in order with the
    /// statuses; <paramref name="at"/> is when it happened, which may be a moment before it is stored.
    /// </summary>
    public Task NoteAsync(string name, string detail, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.AppendEventAsync(new CallEventRecord(Record.Sid, ++_eventSequence, at, name, detail), cancellationToken);

    /// <param name="endedBy">Who ended the call, carried by a final status only.</param>
    private async Task MoveAsync(CallStatus next, int? sipStatus, string? reason, CallEndedBy? endedBy, CancellationToken cancellationToken)
    {
        if (next != CallStatus.Queued && !_status.TryTransitionTo(next))
        {
            return;
        }

        var now = time.GetUtcNow();
        Record = Record with { Status = next.ToWire(), SipStatus = sipStatus ?? Record.SipStatus };
        if (next.IsFinal())
        {
            Record = Record with { EndReason = reason ?? (sipStatus is { } code ? $"SIP {code}" : null), HangupBy = CallHangupBy.Of(endedBy, Record.Direction) };
        }

        if (next != CallStatus.Queued)
        {
            await store.UpdateAsync(Record, cancellationToken).ConfigureAwait(false);
        }

        if (next == CallStatus.InProgress)
        {
            CallMetrics.CallAnswered(Record.Direction, now - Record.CreatedAt);
        }

        var detail = sipStatus is null && reason is null ? null : $"{sipStatus} {reason}".Trim();
        await store.AppendEventAsync(new CallEventRecord(Record.Sid, ++_eventSequence, now, "status:" + next.ToWire(), detail), cancellationToken).ConfigureAwait(false);
        Log.StatusChanged(logger, Record.Sid, next.ToWire(), sipStatus, reason);
        CallTracing.StatusChanged(next.ToWire(), sipStatus);
        var change = new CallStatusChanged(Snapshot(), now, sipStatus, reason) { EndedBy = next.IsFinal() ? endedBy : null };
        sink.OnCallEvent(change);
        feed?.Publish(change);
        if (next.IsFinal())
        {
            LegObserver?.OnLegEnded(Leg!, next, sipStatus);
        }
    }
}
