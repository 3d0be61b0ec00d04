using Switchboard.Storage.Paging;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class SpeechCredentialStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteSpeechCredentialStore _credentials = null!;

    private string Account => _db.DefaultAccount.Sid;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _credentials = new SqliteSpeechCredentialStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Credential_RoundTripsEveryField()
    {
        var credential = Records.SpeechCredential(Account, label: "office");

        Assert.Equal(WriteOutcome.Done, await _credentials.CreateAsync(credential, default));

        Assert.Equal(credential, await _credentials.FindAsync(Account, credential.Sid, default));
    }

    [Fact]
    public async Task Credential_WithoutOptionalFields_ReadsBackNull()
    {
        var credential = Records.SpeechCredential(Account, "pocketsphinx") with { ApiKey = null, BaseUrl = null, Model = null, UseForStt = false };

        await _credentials.CreateAsync(credential, default);

        Assert.Equal(credential, await _credentials.FindAsync(Account, credential.Sid, default));
    }

    [Fact]
    public async Task VendorAndLabel_AreUniquePerAccount_TheMissingLabelCountingOnce()
    {
        var other = await _db.NewAccountAsync("other");
        await _credentials.CreateAsync(Records.SpeechCredential(Account), default);
        await _credentials.CreateAsync(Records.SpeechCredential(Account, label: "a"), default);

        Assert.Equal(WriteOutcome.Duplicate, await _credentials.CreateAsync(Records.SpeechCredential(Account), default));
        Assert.Equal(WriteOutcome.Duplicate, await _credentials.CreateAsync(Records.SpeechCredential(Account, label: "a"), default));
        Assert.Equal(WriteOutcome.Done, await _credentials.CreateAsync(Records.SpeechCredential(Account, label: "b"), default));
        Assert.Equal(WriteOutcome.Done, await _credentials.CreateAsync(Records.SpeechCredential(Account, "pocketsphinx"), default));
        Assert.Equal(WriteOutcome.Done, await _credentials.CreateAsync(Records.SpeechCredential(other.Sid), default));
    }

    [Fact]
    public async Task Update_ReplacesFields_AndRefusesATakenLabel()
    {
        var credential = Records.SpeechCredential(Account, label: "a");
        await _credentials.CreateAsync(credential, default);
        await _credentials.CreateAsync(Records.SpeechCredential(Account, label: "b"), default);
        var changed = credential with { ApiKey = null, BaseUrl = "http://10.0.0.5:8000", Model = "small.en", UseForStt = false };

        Assert.Equal(WriteOutcome.Done, await _credentials.UpdateAsync(changed with { CreatedAt = DateTimeOffset.UnixEpoch }, default));
        Assert.Equal(changed, await _credentials.FindAsync(Account, credential.Sid, default));
        Assert.Equal(WriteOutcome.Duplicate, await _credentials.UpdateAsync(changed with { Label = "b" }, default));
    }

    [Fact]
    public async Task Credential_IsInvisibleToAnotherAccount()
    {
        var other = await _db.NewAccountAsync("other");
        var credential = Records.SpeechCredential(Account);
        await _credentials.CreateAsync(credential, default);

        Assert.Null(await _credentials.FindAsync(other.Sid, credential.Sid, default));
        Assert.Null(await _credentials.FindAsync(other.Sid, "openai", null, default));
        Assert.Equal(WriteOutcome.NotFound, await _credentials.UpdateAsync(credential with { AccountSid = other.Sid }, default));
        Assert.Equal(WriteOutcome.NotFound, await _credentials.DeleteAsync(other.Sid, credential.Sid, default));
        Assert.Empty((await _credentials.ListAsync(other.Sid, PageRequest.First, default)).Items);
    }

    [Fact]
    public async Task Delete_RemovesIt_AndDeletingTheAccountRemovesTheRest()
    {
        var credential = Records.SpeechCredential(Account);
        await _credentials.CreateAsync(credential, default);
        var doomed = await _db.NewAccountAsync("doomed");
        var theirs = Records.SpeechCredential(doomed.Sid);
        await _credentials.CreateAsync(theirs, default);

        Assert.Equal(WriteOutcome.Done, await _credentials.DeleteAsync(Account, credential.Sid, default));
        Assert.Equal(WriteOutcome.NotFound, await _credentials.DeleteAsync(Account, credential.Sid, default));
        Assert.Equal(WriteOutcome.Done, await _db.Accounts.DeleteAccountAsync(doomed.Sid, default));
        Assert.Null(await _credentials.FindAsync(doomed.Sid, theirs.Sid, default));
    }

    [Fact]
    public async Task FindForRecognition_ByLabel_TakesThatOneOnly()
    {
        await _credentials.CreateAsync(Records.SpeechCredential(Account), default);
        var labelled = Records.SpeechCredential(Account, label: "office");
        await _credentials.CreateAsync(labelled, default);

        Assert.Equal(labelled.Sid, (await _credentials.FindAsync(Account, "openai", "office", default))?.Sid);
        Assert.Null(await _credentials.FindAsync(Account, "openai", "home", default));
        Assert.Null(await _credentials.FindAsync(Account, "pocketsphinx", "office", default));
    }

    [Fact]
    public async Task FindForRecognition_WithoutLabel_PrefersTheUnlabelled_ElseTheFirstMade()
    {
        var first = Records.SpeechCredential(Account, label: "b");
        await _credentials.CreateAsync(first, default);
        await _credentials.CreateAsync(Records.SpeechCredential(Account, label: "a"), default);

        Assert.Equal(first.Sid, (await _credentials.FindAsync(Account, "openai", null, default))?.Sid);

        var unlabelled = Records.SpeechCredential(Account);
        await _credentials.CreateAsync(unlabelled, default);
        Assert.Equal(unlabelled.Sid, (await _credentials.FindAsync(Account, "openai", null, default))?.Sid);
    }

    [Fact]
    public async Task FindForRecognition_SkipsCredentialsNotForSpeechRecognition()
    {
        await _credentials.CreateAsync(Records.SpeechCredential(Account) with { UseForStt = false }, default);
        var forStt = Records.SpeechCredential(Account, label: "stt");
        await _credentials.CreateAsync(forStt, default);

        Assert.Equal(forStt.Sid, (await _credentials.FindAsync(Account, "openai", null, default))?.Sid);
        await _credentials.UpdateAsync(forStt with { UseForStt = false }, default);
        Assert.Null(await _credentials.FindAsync(Account, "openai", null, default));
    }

    [Fact]
    public async Task List_PagesInCreationOrder()
    {
        var created = new List<Storage.SpeechCredentials.SpeechCredentialRecord>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(Records.SpeechCredential(Account, label: "l" + i));
            await _credentials.CreateAsync(created[^1], default);
        }

        var first = await _credentials.ListAsync(Account, new PageRequest(2, null), default);
        var second = await _credentials.ListAsync(Account, new PageRequest(2, first.NextCursor), default);

        Assert.Equal(created, first.Items.Concat(second.Items));
        Assert.Null(second.NextCursor);
    }
}
