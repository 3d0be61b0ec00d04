using System.Collections.Concurrent;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Resilience;

/// <summary>
/// Calls' records through a failing store. A new call that cannot be stored is refused (the insert throws: nothing
/// was promised yet), but a live call's status changes and events never fail the call: what the store refuses waits
/// in <see cref="DeferredWrites"/> and is written when it recovers. Meanwhile reads show the newest status, kept
/// in memory, so a GET never goes back in time.
/// </summary>
public sealed class ResilientCallStore(ICallStore inner, DeferredWrites writes) : ICallStore
{
    private const string RecordWrite = "record";
    private readonly ConcurrentDictionary<string, CallRecord> _unwritten = new(StringComparer.Ordinal);

    public Task InsertAsync(CallRecord call, CancellationToken cancellationToken) => inner.InsertAsync(call, cancellationToken);

    public async Task UpdateAsync(CallRecord call, CancellationToken cancellationToken)
    {
        _unwritten[call.Sid] = call;
        await writes.WriteAsync(Key(call.Sid), async token =>
        {
            await inner.UpdateAsync(call, token).ConfigureAwait(false);
            _unwritten.TryRemove(KeyValuePair.Create(call.Sid, call));
        }, RecordWrite, cancellationToken).ConfigureAwait(false);
    }

    public Task AppendEventAsync(CallEventRecord callEvent, CancellationToken cancellationToken) =>
        writes.WriteAsync(Key(callEvent.CallSid), token => inner.AppendEventAsync(callEvent, token), cancellationToken: cancellationToken);

    public async Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken)
    {
        var stored = await inner.FindAsync(accountSid, callSid, cancellationToken).ConfigureAwait(false);
        return stored is not null && _unwritten.TryGetValue(callSid, out var newer) ? newer : stored;
    }

    public async Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, int limit, CancellationToken cancellationToken) =>
        Overlay(await inner.ListAsync(accountSid, limit, cancellationToken).ConfigureAwait(false), statuses: null);

    public async Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, CallFilter filter, int limit, CancellationToken cancellationToken) =>
        Overlay(await inner.ListAsync(accountSid, filter, limit, cancellationToken).ConfigureAwait(false), filter.Statuses);

    public async Task<CallPage> PageAsync(string accountSid, CallFilter filter, int offset, int count, CancellationToken cancellationToken)
    {
        var page = await inner.PageAsync(accountSid, filter, offset, count, cancellationToken).ConfigureAwait(false);
        return page with { Calls = Overlay(page.Calls, filter.Statuses) };
    }

    public async Task<Page<CallRecord>> ListPageAsync(string accountSid, CallFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var stored = await inner.ListPageAsync(accountSid, filter, page, cancellationToken).ConfigureAwait(false);
        return stored with { Items = Overlay(stored.Items, filter.Statuses) };
    }

    public Task<IReadOnlyDictionary<string, int>> CountLiveByDirectionAsync(string accountSid, IReadOnlyList<string> liveStatuses, CancellationToken cancellationToken) =>
        inner.CountLiveByDirectionAsync(accountSid, liveStatuses, cancellationToken);

    public Task<IReadOnlyList<CallEventRecord>> ListEventsAsync(string callSid, CancellationToken cancellationToken) =>
        inner.ListEventsAsync(callSid, cancellationToken);

    public Task<IReadOnlyList<CallRecord>> ListInStatusAsync(IReadOnlyList<string> statuses, CancellationToken cancellationToken) =>
        inner.ListInStatusAsync(statuses, cancellationToken);

    private static string Key(string callSid) => "call " + callSid;

    /// <summary>Stored rows with any newer status kept in memory; a row whose newer status the filter excludes is left out.</summary>
    private IReadOnlyList<CallRecord> Overlay(IReadOnlyList<CallRecord> stored, IReadOnlyList<CallStatusMatch>? statuses)
    {
        if (_unwritten.IsEmpty)
        {
            return stored;
        }

        var shown = new List<CallRecord>(stored.Count);
        foreach (var call in stored)
        {
            var newest = _unwritten.TryGetValue(call.Sid, out var newer) ? newer : call;
            if (statuses is null || statuses.Any(match => match.Matches(newest.Status, newest.SipStatus)))
            {
                shown.Add(newest);
            }
        }

        return shown;
    }
}
