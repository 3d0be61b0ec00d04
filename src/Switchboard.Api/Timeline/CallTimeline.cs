using Switchboard.Storage.Calls;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Api.Timeline;

/// <summary>
/// A call's timeline: its stored events (statuses, verbs, AMD), every webhook request made for it, and its recordings,
/// in the order they happened. Every dialect's <c>GET .../Events</c> reads it after finding the call in the account.
/// </summary>
public sealed class CallTimeline(ICallStore calls, IWebhookAttemptStore attempts, IRecordingStore recordings)
{
    /// <summary>The call's entries, oldest first; entries stamped alike keep the order they were stored in.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> ReadAsync(CallRecord call, CancellationToken cancellationToken)
    {
        var events = await calls.ListEventsAsync(call.Sid, cancellationToken).ConfigureAwait(false);
        var requests = await attempts.ListForCallAsync(call.Sid, cancellationToken).ConfigureAwait(false);
        var stored = await recordings.ListAsync(call.AccountSid, call.Sid, new PageRequest(PageRequest.MaxLimit, null), cancellationToken).ConfigureAwait(false);
        return
        [
            .. events.Select(TimelineEvents.Of)
                .Concat(requests.Select(TimelineEvents.Of))
                .Concat(stored.Items.Select(TimelineEvents.Of))
                .OrderBy(entry => entry.At),
        ];
    }

    /// <summary>
    /// The timelines of several calls (a session's legs, an escalation's attempts) in one, each entry naming its call and,
    /// when given, its leg; with the webhooks of <paramref name="ownerSid"/>, the session or escalation itself.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEvent>> ReadAsync(string ownerSid, IEnumerable<(string? Leg, CallRecord Call)> members, CancellationToken cancellationToken)
    {
        var merged = new List<TimelineEvent>();
        foreach (var (leg, call) in members)
        {
            merged.AddRange((await ReadAsync(call, cancellationToken).ConfigureAwait(false)).Select(entry => entry with { Leg = leg, Call = call.Sid }));
        }

        merged.AddRange((await attempts.ListForCallAsync(ownerSid, cancellationToken).ConfigureAwait(false)).Select(TimelineEvents.Of));
        return [.. merged.OrderBy(entry => entry.At)];
    }
}
