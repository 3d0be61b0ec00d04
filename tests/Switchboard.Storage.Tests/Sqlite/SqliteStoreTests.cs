using Switchboard.Storage.Calls;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "switchboard-store-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DefaultAccount_IsCreatedOnce_AndSurvivesReopening()
    {
        var first = await new SqliteAccountStore(await SqliteDatabase.OpenAsync(_path, default), TimeProvider.System).EnsureDefaultAccountAsync(default);
        var reopened = await SqliteDatabase.OpenAsync(_path, default);
        var second = await new SqliteAccountStore(reopened, TimeProvider.System).EnsureDefaultAccountAsync(default);

        Assert.Equal(first.Sid, second.Sid);
    }

    [Fact]
    public async Task ApiKey_IsFoundByItsToken_AndNotByAnyOther()
    {
        var accounts = new SqliteAccountStore(await SqliteDatabase.OpenAsync(_path, default), TimeProvider.System);
        var account = await accounts.EnsureDefaultAccountAsync(default);
        Assert.False(await accounts.HasApiKeyAsync(account.Sid, default));

        await accounts.EnsureApiKeyAsync(account.Sid, "sb_secret", default);
        await accounts.EnsureApiKeyAsync(account.Sid, "sb_secret", default);

        Assert.True(await accounts.HasApiKeyAsync(account.Sid, default));
        Assert.Equal(account.Sid, (await accounts.FindAccountByTokenAsync("sb_secret", default))?.Sid);
        Assert.Null(await accounts.FindAccountByTokenAsync("sb_secreT", default));
        Assert.Null(await accounts.FindAccountByTokenAsync("", default));
    }

    [Fact]
    public async Task ApiKey_IsStoredOnlyAsAHash()
    {
        var database = await SqliteDatabase.OpenAsync(_path, default);
        var accounts = new SqliteAccountStore(database, TimeProvider.System);
        var account = await accounts.EnsureDefaultAccountAsync(default);
        await accounts.EnsureApiKeyAsync(account.Sid, "sb_plaintext_marker", default);

        foreach (var file in new[] { _path, _path + "-wal" }.Where(File.Exists))
        {
            var text = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain("sb_plaintext_marker", text, StringComparison.Ordinal);
        }

        Assert.NotNull(await accounts.FindAccountByTokenAsync("sb_plaintext_marker", default));
    }

    [Fact]
    public async Task Call_UpdatesAndEvents_ReadBackInOrder_OnlyForItsAccount()
    {
        var database = await SqliteDatabase.OpenAsync(_path, default);
        var account = await new SqliteAccountStore(database, TimeProvider.System).EnsureDefaultAccountAsync(default);
        var calls = new SqliteCallStore(database);
        var created = DateTimeOffset.UtcNow;
        var call = new CallRecord("call-1", account.Sid, "outbound", "123", "+30697", null, "queued", null, created, null, null)
        {
            ApplicationSid = "app-1",
            ParentCallSid = "call-0",
            CallerName = "Alice",
        };
        await calls.InsertAsync(call, default);
        await calls.UpdateAsync(
            call with { SipCallId = "abc@host", Status = "completed", SipStatus = 200, AnsweredAt = created, EndedAt = created.AddSeconds(5), EndReason = "media timeout", HangupBy = "system" },
            default);
        for (var i = 1; i <= 3; i++)
        {
            await calls.AppendEventAsync(new CallEventRecord("call-1", i, created, "status:" + i, null), default);
        }

        var stored = await calls.FindAsync(account.Sid, "call-1", default);
        Assert.NotNull(stored);
        Assert.Equal("completed", stored.Status);
        Assert.Equal("abc@host", stored.SipCallId);
        Assert.Equal(created.AddSeconds(5), stored.EndedAt);
        Assert.Equal(("app-1", "call-0", "Alice"), (stored.ApplicationSid, stored.ParentCallSid, stored.CallerName));
        Assert.Equal(("media timeout", "system"), (stored.EndReason, stored.HangupBy));
        Assert.Null(await calls.FindAsync("another-account", "call-1", default));
        Assert.Equal(["status:1", "status:2", "status:3"], (await calls.ListEventsAsync("call-1", default)).Select(e => e.Name).ToArray());
    }

    [Fact]
    public async Task StatusMatches_QualifiedBySipStatus_FindOnlyTheirCalls()
    {
        var (calls, account) = await OpenCallsAsync();
        var at = DateTimeOffset.UtcNow;
        await calls.InsertAsync(Ended("unavailable", account, "no-answer", 480, at), default);
        await calls.InsertAsync(Ended("rang-out", account, "no-answer", 487, at), default);
        await calls.InsertAsync(Ended("unreached", account, "no-answer", null, at), default);
        await calls.InsertAsync(Ended("broken", account, "failed", 503, at), default);

        var failed = await calls.ListAsync(account, new CallFilter([new("failed"), new("no-answer", [408, 480])], null, null, null), 10, default);
        var unanswered = await calls.ListAsync(account, new CallFilter([new("no-answer", [408, 480], Excluding: true)], null, null, null), 10, default);

        Assert.Equal(["broken", "unavailable"], failed.Select(call => call.Sid).Order().ToArray());
        Assert.Equal(["rang-out", "unreached"], unanswered.Select(call => call.Sid).Order().ToArray());
    }

    [Fact]
    public async Task Pages_CountEveryMatch_AndFollowOneAnotherNewestFirst()
    {
        var (calls, account) = await OpenCallsAsync();
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await calls.InsertAsync(Ended("call-" + i, account, "completed", 200, start.AddMinutes(i)) with { AnsweredAt = start.AddMinutes(i) }, default);
        }

        await calls.InsertAsync(Ended("unanswered", account, "busy", 486, start.AddMinutes(10)), default);
        await calls.InsertAsync(new CallRecord("live", account, "inbound", "+1", "+2", null, "in-progress", 200, start.AddMinutes(11), start, null), default);

        var answered = new CallFilter(null, null, null, null) { EndedOnly = true, Answered = true };
        var first = await calls.PageAsync(account, answered, 0, 2, default);
        var third = await calls.PageAsync(account, answered, 4, 2, default);
        var window = await calls.PageAsync(account, CallFilter.All with { EndedOnly = true, CreatedFrom = start.AddMinutes(3), CreatedBefore = start.AddMinutes(10) }, 0, 10, default);
        var named = await calls.PageAsync(account, CallFilter.All with { Party = "call-2" }, 0, 10, default);

        Assert.Equal((5, 5), (first.Total, third.Total));
        Assert.Equal(["call-4", "call-3"], first.Calls.Select(call => call.Sid).ToArray());
        Assert.Equal(["call-0"], third.Calls.Select(call => call.Sid).ToArray());
        Assert.Equal(["call-4", "call-3"], window.Calls.Select(call => call.Sid).ToArray());
        Assert.Equal("call-2", Assert.Single(named.Calls).Sid);
        var live = await calls.CountLiveByDirectionAsync(account, ["ringing", "in-progress"], default);
        Assert.Equal(1, live["inbound"]);
        Assert.False(live.ContainsKey("outbound"));
    }

    [Fact]
    public async Task CursorPages_FollowOneAnotherNewestFirst_AndEndWithoutACursor()
    {
        var (calls, account) = await OpenCallsAsync();
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await calls.InsertAsync(Ended("call-" + i, account, "completed", 200, start.AddMinutes(i)), default);
        }

        var first = await calls.ListPageAsync(account, CallFilter.All, new Switchboard.Storage.Paging.PageRequest(2, null), default);
        var second = await calls.ListPageAsync(account, CallFilter.All, new Switchboard.Storage.Paging.PageRequest(2, first.NextCursor), default);
        var last = await calls.ListPageAsync(account, CallFilter.All, new Switchboard.Storage.Paging.PageRequest(2, second.NextCursor), default);

        Assert.Equal(["call-4", "call-3"], first.Items.Select(call => call.Sid));
        Assert.Equal(["call-2", "call-1"], second.Items.Select(call => call.Sid));
        Assert.Equal(["call-0"], last.Items.Select(call => call.Sid));
        Assert.Null(last.NextCursor);
        await Assert.ThrowsAsync<ArgumentException>(() => calls.ListPageAsync(account, CallFilter.All, new Switchboard.Storage.Paging.PageRequest(2, "not-a-cursor"), default));
    }

    [Fact]
    public async Task Lists_FilterByApplication_TagAndTimeRange()
    {
        var (calls, account) = await OpenCallsAsync();
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await calls.InsertAsync(Ended("app-a", account, "completed", 200, start) with { ApplicationSid = "A", Tag = """{"customer":"42","vip":true}""" }, default);
        await calls.InsertAsync(Ended("app-b", account, "completed", 200, start.AddMinutes(1)) with { ApplicationSid = "B", Tag = """{"customer":42}""" }, default);
        await calls.InsertAsync(Ended("untagged", account, "completed", 200, start.AddMinutes(2)), default);
        var tagged = Ended("tagged-later", account, "completed", 200, start.AddMinutes(3));
        await calls.InsertAsync(tagged, default);
        await calls.UpdateAsync(tagged with { Tag = """{"customer":"7"}""" }, default);

        async Task<string[]> SidsAsync(CallFilter filter) =>
            [.. (await calls.ListPageAsync(account, filter, new Switchboard.Storage.Paging.PageRequest(10, null), default)).Items.Select(call => call.Sid)];

        Assert.Equal(["app-a"], await SidsAsync(CallFilter.All with { ApplicationSid = "A" }));
        Assert.Equal(["app-b", "app-a"], await SidsAsync(CallFilter.All with { TagKey = "customer", TagValue = "42" }));
        Assert.Equal(["tagged-later"], await SidsAsync(CallFilter.All with { TagKey = "customer", TagValue = "7" }));
        Assert.Equal(["app-a"], await SidsAsync(CallFilter.All with { TagKey = "vip" }));
        Assert.Equal(["untagged", "app-b"], await SidsAsync(CallFilter.All with { CreatedFrom = start.AddMinutes(1), CreatedBefore = start.AddMinutes(3) }));
    }

    private async Task<(SqliteCallStore Calls, string AccountSid)> OpenCallsAsync()
    {
        var database = await SqliteDatabase.OpenAsync(_path, default);
        var account = await new SqliteAccountStore(database, TimeProvider.System).EnsureDefaultAccountAsync(default);
        return (new SqliteCallStore(database), account.Sid);
    }

    private static CallRecord Ended(string sid, string accountSid, string status, int? sipStatus, DateTimeOffset at) =>
        new(sid, accountSid, "outbound", "+15550001", "+15550002", sid + "@host", status, sipStatus, at, null, at.AddSeconds(30));
}
