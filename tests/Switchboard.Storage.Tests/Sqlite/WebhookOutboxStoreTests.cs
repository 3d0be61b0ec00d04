using Switchboard.Storage.Paging;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class WebhookOutboxStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TempDatabase _db = new();
    private SqliteWebhookOutboxStore _outbox = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _outbox = new SqliteWebhookOutboxStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Pending_ComeBackByCallInTheOrderWritten_WithTheirRetryState()
    {
        var first = await _outbox.AddAsync(Message("call-b", "status:trying"), default);
        var second = await _outbox.AddAsync(Message("call-a", "status:trying"), default);
        var third = await _outbox.AddAsync(Message("call-b", "status:ringing"), default);
        await _outbox.RecordRetryAsync(first, 3, At.AddSeconds(1), At.AddSeconds(9), "HTTP 503", default);

        var pending = await _outbox.ListPendingAsync(default);

        Assert.Equal([second, first, third], pending.Select(message => message.Id));
        var retried = pending[1];
        Assert.Equal(3, retried.Attempts);
        Assert.Equal(At.AddSeconds(1), retried.FirstAttemptAt);
        Assert.Equal(At.AddSeconds(9), retried.NextAttemptAt);
        Assert.Equal("secret", retried.Password);
        Assert.Equal("""{"n":1}"""u8.ToArray(), retried.Body);
    }

    [Fact]
    public async Task Delivered_IsGone_AndGivenUp_IsListedAsAFailureNotPending()
    {
        var delivered = await _outbox.AddAsync(Message("call-a", "status:trying"), default);
        var refused = await _outbox.AddAsync(Message("call-a", "status:completed"), default);

        await _outbox.DeleteDeliveredAsync(delivered, default);
        await _outbox.GiveUpAsync(refused, 1, "HTTP 410", At.AddMinutes(1), default);

        Assert.Empty(await _outbox.ListPendingAsync(default));
        var failures = await _outbox.ListFailuresAsync(_db.DefaultAccount.Sid, null, PageRequest.First, default);
        var failure = Assert.Single(failures.Items);
        Assert.Equal(("status:completed", "HTTP 410", 1, At.AddMinutes(1)), (failure.Event, failure.LastError, failure.Attempts, failure.GaveUpAt));
        Assert.Empty((await _outbox.ListFailuresAsync(_db.DefaultAccount.Sid, "call-other", PageRequest.First, default)).Items);
    }

    [Fact]
    public async Task SettlingAFinalStatus_StoresItAndClearsTheDebtTogether_Once()
    {
        await _outbox.OweFinalStatusAsync(new OwedFinalStatus("call-a", _db.DefaultAccount.Sid, "calls-api", "{}", At), default);
        await _outbox.OweFinalStatusAsync(new OwedFinalStatus("call-a", _db.DefaultAccount.Sid, "calls-api", "{\"again\":1}", At), default);
        Assert.Equal("{}", Assert.Single(await _outbox.ListOwedFinalStatusesAsync(default)).SinkState);

        var id = await _outbox.SettleFinalStatusAsync("call-a", Message("call-a", "status:completed"), default);

        Assert.True(id > 0);
        Assert.Empty(await _outbox.ListOwedFinalStatusesAsync(default));
        Assert.Equal("status:completed", Assert.Single(await _outbox.ListPendingAsync(default)).Event);
    }

    private OutboxMessage Message(string callSid, string name) => new(
        0, _db.DefaultAccount.Sid, callSid, name, "http://127.0.0.1:9/status", "POST", "app", "secret", null, """{"n":1}"""u8.ToArray(), At);
}
