using System.Collections.Concurrent;
using Switchboard.Storage.Callbacks;

namespace Switchboard.Storage.Resilience;

/// <summary>
/// Callback sessions' records through a failing store, as <see cref="ResilientCallStore"/> does for calls: a new
/// session that cannot be stored is refused, a live one's changes wait in <see cref="DeferredWrites"/>, and reads
/// show the newest state.
/// </summary>
public sealed class ResilientCallbackSessionStore(ICallbackSessionStore inner, DeferredWrites writes) : ICallbackSessionStore
{
    private const string RecordWrite = "record";
    private readonly ConcurrentDictionary<string, CallbackSessionRecord> _unwritten = new(StringComparer.Ordinal);

    public Task InsertAsync(CallbackSessionRecord session, CancellationToken cancellationToken) => inner.InsertAsync(session, cancellationToken);

    public async Task UpdateAsync(CallbackSessionRecord session, CancellationToken cancellationToken)
    {
        _unwritten[session.Sid] = session;
        await writes.WriteAsync("callback session " + session.Sid, async token =>
        {
            await inner.UpdateAsync(session, token).ConfigureAwait(false);
            _unwritten.TryRemove(KeyValuePair.Create(session.Sid, session));
        }, RecordWrite, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> FailUnfinishedAsync(string completedStatus, string failedStatus, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.FailUnfinishedAsync(completedStatus, failedStatus, reason, now, cancellationToken);

    public async Task<CallbackSessionRecord?> FindAsync(string accountSid, string sessionSid, CancellationToken cancellationToken)
    {
        var stored = await inner.FindAsync(accountSid, sessionSid, cancellationToken).ConfigureAwait(false);
        return stored is not null && _unwritten.TryGetValue(sessionSid, out var newer) ? newer : stored;
    }
}
