using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;
using Switchboard.Testing;

namespace Switchboard.Storage.Tests.Resilience;

public sealed class ResilientCallStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new();
    private DeferredWrites _writes = null!;
    private RefusingCallStore _sqlite = null!;
    private ResilientCallStore _store = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _writes = new DeferredWrites(_time, NullLogger<DeferredWrites>.Instance);
        _sqlite = new RefusingCallStore(new SqliteCallStore(_db.Database));
        _store = new ResilientCallStore(_sqlite, _writes);
    }

    public async Task DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task ANewCallTheStoreRefuses_IsRefused()
    {
        _sqlite.Full = true;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => _store.InsertAsync(Call("queued"), default));

        Assert.True(StorageFailures.IsRetryable(refused));
    }

    [Fact]
    public async Task ALiveCallsStatus_ShowsWhileTheStoreRefusesIt_AndIsStoredWithItsEventsOnceItRecovers()
    {
        var call = Call("in-progress");
        await _store.InsertAsync(call, default);
        _sqlite.Full = true;

        var ended = call with { Status = "completed", EndedAt = Created.AddMinutes(1) };
        await _store.UpdateAsync(ended, default);
        await _store.AppendEventAsync(new CallEventRecord(call.Sid, 1, Created.AddMinutes(1), "status:completed", null), default);

        Assert.Equal("completed", (await _store.FindAsync(call.AccountSid, call.Sid, default))?.Status);
        Assert.Equal(["completed"], (await _store.ListAsync(call.AccountSid, 10, default)).Select(c => c.Status));
        Assert.Empty(await _store.ListAsync(call.AccountSid, new CallFilter([new CallStatusMatch("in-progress")], null, null, null), 10, default));
        Assert.Equal("in-progress", (await _sqlite.FindAsync(call.AccountSid, call.Sid, default))?.Status);

        _sqlite.Full = false;
        for (var round = 0; round < 500 && !_writes.IsHealthy; round++)
        {
            _time.Advance(DeferredWrites.FirstRetryDelay);
            await Task.Delay(2);
        }

        var stored = await _sqlite.FindAsync(call.AccountSid, call.Sid, default);
        Assert.Equal("completed", stored?.Status);
        Assert.Equal(ended.EndedAt, stored?.EndedAt);
        Assert.Equal(["status:completed"], (await _sqlite.ListEventsAsync(call.Sid, default)).Select(e => e.Name));
    }

    private CallRecord Call(string status) =>
        new(Guid.NewGuid().ToString(), _db.DefaultAccount.Sid, "outbound", "+15550001", "+15550002", "abc@127.0.0.1", status, null, Created, null, null);

    /// <summary>The real store, with its writes refused as a full disk refuses them while <see cref="Full"/>.</summary>
    private sealed class RefusingCallStore(ICallStore inner) : ICallStore
    {
        public bool Full { get; set; }

        public Task InsertAsync(CallRecord call, CancellationToken cancellationToken) => Refuse() ?? inner.InsertAsync(call, cancellationToken);

        public Task UpdateAsync(CallRecord call, CancellationToken cancellationToken) => Refuse() ?? inner.UpdateAsync(call, cancellationToken);

        public Task AppendEventAsync(CallEventRecord callEvent, CancellationToken cancellationToken) => Refuse() ?? inner.AppendEventAsync(callEvent, cancellationToken);

        public Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken) => inner.FindAsync(accountSid, callSid, cancellationToken);

        public Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, int limit, CancellationToken cancellationToken) => inner.ListAsync(accountSid, limit, cancellationToken);

        public Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, CallFilter filter, int limit, CancellationToken cancellationToken) =>
            inner.ListAsync(accountSid, filter, limit, cancellationToken);

        public Task<Switchboard.Storage.Paging.Page<CallRecord>> ListPageAsync(string accountSid, CallFilter filter, Switchboard.Storage.Paging.PageRequest page, CancellationToken cancellationToken) =>
            inner.ListPageAsync(accountSid, filter, page, cancellationToken);

        public Task<CallPage> PageAsync(string accountSid, CallFilter filter, int offset, int count, CancellationToken cancellationToken) =>
            inner.PageAsync(accountSid, filter, offset, count, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> CountLiveByDirectionAsync(string accountSid, IReadOnlyList<string> liveStatuses, CancellationToken cancellationToken) =>
            inner.CountLiveByDirectionAsync(accountSid, liveStatuses, cancellationToken);

        public Task<IReadOnlyList<CallEventRecord>> ListEventsAsync(string callSid, CancellationToken cancellationToken) => inner.ListEventsAsync(callSid, cancellationToken);

        public Task<IReadOnlyList<CallRecord>> ListInStatusAsync(IReadOnlyList<string> statuses, CancellationToken cancellationToken) =>
            inner.ListInStatusAsync(statuses, cancellationToken);

        private Task? Refuse() => Full ? Task.FromException(StoreFailures.DiskFull()) : null;
    }
}
