using Switchboard.Storage.Escalations;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class EscalationStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TempDatabase _db = new();
    private SqliteEscalationStore _store = null!;
    private SqliteWebhookOutboxStore _outbox = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = new SqliteEscalationStore(_db.Database);
        _outbox = new SqliteWebhookOutboxStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Inserted_ComesBackWithItsFirstAttempt_OnlyForItsAccount()
    {
        var other = await _db.NewAccountAsync("other");
        await _store.InsertAsync(Escalation("esc-1") with { Attempts = [Attempt(1, "call-1")] }, default);

        var found = await _store.FindAsync(_db.DefaultAccount.Sid, "esc-1", default);

        Assert.NotNull(found);
        Assert.Equal(("""{"request":1}""", "Running", At), (found.Request, found.State, found.CreatedAt));
        var attempt = Assert.Single(found.Attempts);
        Assert.Equal(Attempt(1, "call-1"), attempt);
        Assert.Null(await _store.FindAsync(other.Sid, "esc-1", default));
        Assert.Null(await _store.FindAsync(_db.DefaultAccount.Sid, "esc-2", default));
    }

    [Fact]
    public async Task Saved_WritesTheStateTheAttemptAndTheOutcomePost_Together()
    {
        await _store.InsertAsync(Escalation("esc-1") with { Attempts = [Attempt(1, "call-1")] }, default);
        var ended = Attempt(1, "call-1") with { Result = "Rejected", EndedAt = At.AddSeconds(20) };
        var waiting = Escalation("esc-1") with { NextAttemptAt = At.AddMinutes(1), Attempts = [ended] };

        var id = await _store.SaveAsync(waiting, ended, Post("esc-1", "escalation:Rejected"), default);
        var second = Attempt(2, "call-2") with { RecipientIndex = 1, Recipient = "+2" };
        await _store.SaveAsync(waiting with { NextAttemptAt = null }, second, null, default);

        var found = await _store.FindAsync(_db.DefaultAccount.Sid, "esc-1", default);
        Assert.NotNull(found);
        Assert.Null(found.NextAttemptAt);
        Assert.Equal([ended, second], found.Attempts);
        var post = Assert.Single(await _outbox.ListPendingAsync(default));
        Assert.Equal((id, "esc-1", "escalation:Rejected"), (post.Id, post.CallSid, post.Event));
    }

    [Fact]
    public async Task Running_ListsOnlyWhatHasNotEnded_WithItsAttempts()
    {
        await _store.InsertAsync(Escalation("esc-live") with { Attempts = [Attempt(1, "call-1")] }, default);
        await _store.InsertAsync(Escalation("esc-done"), default);
        await _store.SaveAsync(Escalation("esc-done") with { State = "Ended", Outcome = "NoAnswer", EndedAt = At.AddMinutes(2) }, null, null, default);

        var running = await _store.ListRunningAsync(default);

        var live = Assert.Single(running);
        Assert.Equal("esc-live", live.Sid);
        Assert.Single(live.Attempts);
        var done = await _store.FindAsync(_db.DefaultAccount.Sid, "esc-done", default);
        Assert.Equal(("Ended", "NoAnswer", At.AddMinutes(2)), (done!.State, done.Outcome, done.EndedAt));
    }

    [Fact]
    public async Task AFailedSave_LeavesNeitherTheStateNorThePost()
    {
        await _store.InsertAsync(Escalation("esc-1"), default);
        // A post the outbox refuses (no URL) fails after the state was written: the whole save must roll back.
        var post = Post("esc-1", "escalation:Accepted") with { Url = null! };

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            _store.SaveAsync(Escalation("esc-1") with { State = "Ended", Outcome = "Accepted" }, null, post, default));

        Assert.Equal("Running", (await _store.FindAsync(_db.DefaultAccount.Sid, "esc-1", default))!.State);
        Assert.Empty(await _outbox.ListPendingAsync(default));
    }

    private EscalationRecord Escalation(string sid) => new(sid, _db.DefaultAccount.Sid, """{"request":1}""", "Running", At);

    private static EscalationAttemptRecord Attempt(int number, string callSid) => new(number, 0, "+1", number, callSid, At.AddSeconds(number));

    private OutboxMessage Post(string sid, string name) =>
        new(0, _db.DefaultAccount.Sid, sid, name, "https://example.com/status", "POST", null, null, null, """{"outcome":1}"""u8.ToArray(), At);
}
