using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class WebhookAttemptStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TempDatabase _db = new();
    private SqliteWebhookAttemptStore _attempts = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _attempts = new SqliteWebhookAttemptStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ACallsAttempts_ComeBackInTheOrderMade_WithWhatTheyCameTo()
    {
        await _attempts.AddAsync(Attempt("call-a", 1, 503, null, At), default);
        await _attempts.AddAsync(Attempt("call-b", 1, 200, null, At), default);
        await _attempts.AddAsync(Attempt("call-a", 2, null, "connection refused", At.AddSeconds(2)), default);

        var listed = await _attempts.ListForCallAsync("call-a", default);

        Assert.Equal([(1, 503, (string?)null), (2, null, "connection refused")], listed.Select(attempt => (attempt.Attempt, attempt.StatusCode, attempt.Error)));
        var first = listed[0];
        Assert.Equal(("status:ringing", "https://app.example/status", "POST", 42L), (first.Kind, first.Url, first.Method, first.LatencyMs));
        Assert.Equal(("""{"call_status":"ringing"}""", "busy"), (first.RequestBody, first.AnswerBody));
        Assert.Equal(At, first.StartedAt);
        Assert.Equal(_db.DefaultAccount.Sid, first.AccountSid);
        Assert.True(listed[1].Id > first.Id);
    }

    [Fact]
    public async Task Pruning_RemovesOnlyAttemptsStartedBeforeTheCutoff()
    {
        await _attempts.AddAsync(Attempt("call-a", 1, 200, null, At.AddDays(-31)), default);
        await _attempts.AddAsync(Attempt("call-a", 2, 200, null, At.AddDays(-1)), default);

        Assert.Equal(1, await _attempts.PruneAsync(At.AddDays(-30), default));

        Assert.Equal([2], (await _attempts.ListForCallAsync("call-a", default)).Select(attempt => attempt.Attempt));
    }

    [Fact]
    public async Task AnAttemptWithoutAnAccount_IsStoredToo()
    {
        await _attempts.AddAsync(Attempt("call-a", 1, 200, null, At) with { AccountSid = null }, default);

        Assert.Null(Assert.Single(await _attempts.ListForCallAsync("call-a", default)).AccountSid);
    }

    private WebhookAttemptRecord Attempt(string callSid, int attempt, int? status, string? error, DateTimeOffset startedAt) => new(
        callSid, _db.DefaultAccount.Sid, "status:ringing", "https://app.example/status", "POST", attempt, status, error, 42,
        """{"call_status":"ringing"}""", "busy", startedAt);
}
