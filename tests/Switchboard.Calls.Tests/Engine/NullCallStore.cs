using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Tests.Engine;

/// <summary>A call store that keeps nothing: for tests that watch a call's events, not its rows.</summary>
internal sealed class NullCallStore : ICallStore
{
    public Task InsertAsync(CallRecord call, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UpdateAsync(CallRecord call, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendEventAsync(CallEventRecord callEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken) => Task.FromResult<CallRecord?>(null);

    public Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallRecord>>([]);

    public Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, CallFilter filter, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallRecord>>([]);

    public Task<CallPage> PageAsync(string accountSid, CallFilter filter, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(new CallPage(0, []));

    public Task<Switchboard.Storage.Paging.Page<CallRecord>> ListPageAsync(string accountSid, CallFilter filter, Switchboard.Storage.Paging.PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Switchboard.Storage.Paging.Page<CallRecord>([], null));

    public Task<IReadOnlyDictionary<string, int>> CountLiveByDirectionAsync(string accountSid, IReadOnlyList<string> liveStatuses, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());

    public Task<IReadOnlyList<CallEventRecord>> ListEventsAsync(string callSid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallEventRecord>>([]);

    public Task<IReadOnlyList<CallRecord>> ListInStatusAsync(IReadOnlyList<string> statuses, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallRecord>>([]);
}
