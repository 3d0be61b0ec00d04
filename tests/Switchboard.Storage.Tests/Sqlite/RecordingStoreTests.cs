using Switchboard.Storage.Paging;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class RecordingStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private SqliteRecordingStore _recordings = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _recordings = new SqliteRecordingStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Recording_RoundTrips_AndIsHiddenFromOtherAccounts()
    {
        var recording = Recording(_db.DefaultAccount.Sid, "call-1") with { Reason = null, Duration = TimeSpan.FromMilliseconds(4321) };

        Assert.Equal(WriteOutcome.Done, await _recordings.CreateAsync(recording, default));

        Assert.Equal(recording, await _recordings.FindAsync(_db.DefaultAccount.Sid, recording.Sid, default));
        Assert.Null(await _recordings.FindAsync("another-account", recording.Sid, default));
        Assert.Equal(WriteOutcome.Duplicate, await _recordings.CreateAsync(recording, default));
    }

    [Fact]
    public async Task List_FiltersByCall_AndPagesInCreationOrder()
    {
        var account = _db.DefaultAccount.Sid;
        var other = await _db.NewAccountAsync("other");
        var first = Recording(account, "call-a");
        var second = Recording(account, "call-b");
        var third = Recording(account, "call-a");
        foreach (var recording in new[] { first, second, third, Recording(other.Sid, "call-a") })
        {
            Assert.Equal(WriteOutcome.Done, await _recordings.CreateAsync(recording, default));
        }

        var page = await _recordings.ListAsync(account, null, new PageRequest(2, null), default);
        Assert.Equal([first.Sid, second.Sid], page.Items.Select(r => r.Sid));
        Assert.NotNull(page.NextCursor);
        var rest = await _recordings.ListAsync(account, null, new PageRequest(2, page.NextCursor), default);
        Assert.Equal([third.Sid], rest.Items.Select(r => r.Sid));
        Assert.Null(rest.NextCursor);

        var ofCallA = await _recordings.ListAsync(account, "call-a", PageRequest.First, default);
        Assert.Equal([first.Sid, third.Sid], ofCallA.Items.Select(r => r.Sid));
        Assert.Empty((await _recordings.ListAsync(account, "no-such-call", PageRequest.First, default)).Items);
    }

    [Fact]
    public async Task Delete_RemovesOnlyTheAccountsOwnRecording()
    {
        var recording = Recording(_db.DefaultAccount.Sid, "call-1");
        await _recordings.CreateAsync(recording, default);

        Assert.Equal(WriteOutcome.NotFound, await _recordings.DeleteAsync("another-account", recording.Sid, default));
        Assert.Equal(WriteOutcome.Done, await _recordings.DeleteAsync(_db.DefaultAccount.Sid, recording.Sid, default));
        Assert.Null(await _recordings.FindAsync(_db.DefaultAccount.Sid, recording.Sid, default));
        Assert.Equal(WriteOutcome.NotFound, await _recordings.DeleteAsync(_db.DefaultAccount.Sid, recording.Sid, default));
    }

    [Fact]
    public void Files_AreNamedBySid_AndRefuseAnythingThatIsNotAPlainName()
    {
        var files = new RecordingFiles(Path.Combine(Path.GetTempPath(), "recordings"));
        var sid = Guid.NewGuid().ToString();

        Assert.Equal(Path.Combine(files.Directory, sid + ".wav"), files.PathOf(sid));
        foreach (var bad in new[] { "", "../etc/passwd", "a/b", "a.b", "..", new string('a', 65) })
        {
            Assert.Throws<ArgumentException>(() => files.PathOf(bad));
        }
    }

    [Fact]
    public void Files_DeleteRemovesTheFileOnce()
    {
        var files = new RecordingFiles(Path.Combine(Path.GetTempPath(), "switchboard-recordings-" + Guid.NewGuid().ToString("N")));
        var sid = Guid.NewGuid().ToString();
        Directory.CreateDirectory(files.Directory);
        File.WriteAllBytes(files.PathOf(sid), [1, 2, 3]);

        Assert.True(files.Delete(sid));
        Assert.False(File.Exists(files.PathOf(sid)));
        Assert.False(files.Delete(sid));
        Directory.Delete(files.Directory);
    }

    private static RecordingRecord Recording(string accountSid, string callSid) => new(
        Guid.NewGuid().ToString(), accountSid, callSid, RecordingSources.Verb, RecordingStatuses.Completed, "finishOnKey",
        1, TimeSpan.FromSeconds(3), 48_044, Created);
}
