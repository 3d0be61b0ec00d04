using Microsoft.Data.Sqlite;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class AccountStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Accounts_CreateFindRenameDelete()
    {
        var account = await _db.NewAccountAsync("acme");

        Assert.Equal("acme", (await _db.Accounts.FindAccountAsync(account.Sid, default))?.Name);
        Assert.Equal(WriteOutcome.Done, await _db.Accounts.UpdateAccountAsync(account with { Name = "acme2" }, default));
        Assert.Equal("acme2", (await _db.Accounts.FindAccountAsync(account.Sid, default))?.Name);
        Assert.Equal(WriteOutcome.Done, await _db.Accounts.DeleteAccountAsync(account.Sid, default));
        Assert.Null(await _db.Accounts.FindAccountAsync(account.Sid, default));
        Assert.Equal(WriteOutcome.NotFound, await _db.Accounts.DeleteAccountAsync(account.Sid, default));
    }

    [Fact]
    public async Task AccountNames_AreUnique_IncludingTheDefault()
    {
        var account = await _db.NewAccountAsync("acme");

        Assert.Equal(WriteOutcome.Duplicate, await _db.Accounts.CreateAccountAsync(account with { Sid = "other" }, default));
        Assert.Equal(WriteOutcome.Duplicate, await _db.Accounts.CreateAccountAsync(account with { Sid = "other", Name = AccountRecord.DefaultName }, default));
        Assert.Equal(WriteOutcome.Duplicate, await _db.Accounts.UpdateAccountAsync(account with { Name = AccountRecord.DefaultName }, default));
        Assert.True(_db.DefaultAccount.IsDefault);
        Assert.False(account.IsDefault);
    }

    [Fact]
    public async Task Accounts_ListInCreationOrder_AcrossPages()
    {
        for (var i = 0; i < 4; i++)
        {
            await _db.NewAccountAsync("a" + i);
        }

        var first = await _db.Accounts.ListAccountsAsync(new PageRequest(3, null), default);
        var second = await _db.Accounts.ListAccountsAsync(new PageRequest(3, first.NextCursor), default);

        Assert.Equal([AccountRecord.DefaultName, "a0", "a1"], first.Items.Select(a => a.Name));
        Assert.NotNull(first.NextCursor);
        Assert.Equal(["a2", "a3"], second.Items.Select(a => a.Name));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task CreatedKey_ReturnsItsTokenOnce_AndResolvesWithItsScope()
    {
        var account = await _db.NewAccountAsync("acme");

        var created = await _db.Accounts.CreateApiKeyAsync(account.Sid, ApiKeyScope.Account, default);
        var found = await _db.Accounts.FindApiKeyByTokenAsync(created.Token, default);

        Assert.StartsWith("sb_", created.Token, StringComparison.Ordinal);
        Assert.Equal(created.Key, found);
        Assert.Equal(ApiKeyScope.Account, found?.Scope);
        Assert.Equal(account.Sid, (await _db.Accounts.FindAccountByTokenAsync(created.Token, default))?.Sid);
        Assert.Equal([created.Key], (await _db.Accounts.ListApiKeysAsync(account.Sid, PageRequest.First, default)).Items);
        Assert.Null(await _db.Accounts.FindApiKeyByTokenAsync(created.Token + "x", default));
    }

    [Fact]
    public async Task CreatedKey_IsStoredOnlyAsAHash()
    {
        var created = await _db.Accounts.CreateApiKeyAsync(_db.DefaultAccount.Sid, ApiKeyScope.Admin, default);

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db.Path, _db.Path + "-wal" }.Where(File.Exists))
        {
            var text = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain(created.Token, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnsureAdminKey_RaisesAnExistingAccountKey_ButAnAccountEnsureNeverLowersAnAdmin()
    {
        await _db.Accounts.EnsureApiKeyAsync(_db.DefaultAccount.Sid, "sb_one", default);
        Assert.Equal(ApiKeyScope.Account, (await _db.Accounts.FindApiKeyByTokenAsync("sb_one", default))?.Scope);
        Assert.False(await _db.Accounts.HasAdminKeyAsync(default));

        await _db.Accounts.EnsureApiKeyAsync(_db.DefaultAccount.Sid, "sb_one", ApiKeyScope.Admin, default);
        await _db.Accounts.EnsureApiKeyAsync(_db.DefaultAccount.Sid, "sb_one", ApiKeyScope.Account, default);

        Assert.Equal(ApiKeyScope.Admin, (await _db.Accounts.FindApiKeyByTokenAsync("sb_one", default))?.Scope);
        Assert.True(await _db.Accounts.HasAdminKeyAsync(default));
        Assert.Single((await _db.Accounts.ListApiKeysAsync(_db.DefaultAccount.Sid, PageRequest.First, default)).Items);
    }

    [Fact]
    public async Task DeleteKey_RefusesTheLastAdminKey_AndOnlyDeletesWithinItsAccount()
    {
        var admin = await _db.Accounts.CreateApiKeyAsync(_db.DefaultAccount.Sid, ApiKeyScope.Admin, default);
        var other = await _db.NewAccountAsync("acme");
        var accountKey = await _db.Accounts.CreateApiKeyAsync(other.Sid, ApiKeyScope.Account, default);

        Assert.Equal(WriteOutcome.InUse, await _db.Accounts.DeleteApiKeyAsync(_db.DefaultAccount.Sid, admin.Key.Sid, default));
        Assert.Equal(WriteOutcome.NotFound, await _db.Accounts.DeleteApiKeyAsync(_db.DefaultAccount.Sid, accountKey.Key.Sid, default));
        var second = await _db.Accounts.CreateApiKeyAsync(_db.DefaultAccount.Sid, ApiKeyScope.Admin, default);
        Assert.Equal(WriteOutcome.Done, await _db.Accounts.DeleteApiKeyAsync(_db.DefaultAccount.Sid, admin.Key.Sid, default));
        Assert.Equal(WriteOutcome.InUse, await _db.Accounts.DeleteApiKeyAsync(_db.DefaultAccount.Sid, second.Key.Sid, default));
        Assert.Equal(WriteOutcome.Done, await _db.Accounts.DeleteApiKeyAsync(other.Sid, accountKey.Key.Sid, default));
        Assert.Null(await _db.Accounts.FindApiKeyByTokenAsync(accountKey.Token, default));
    }

    [Fact]
    public async Task DeletingAnAccount_DeletesItsKeys()
    {
        var other = await _db.NewAccountAsync("acme");
        var key = await _db.Accounts.CreateApiKeyAsync(other.Sid, ApiKeyScope.Account, default);

        await _db.Accounts.DeleteAccountAsync(other.Sid, default);

        Assert.Null(await _db.Accounts.FindApiKeyByTokenAsync(key.Token, default));
    }

    [Fact]
    public async Task InvalidCursor_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _db.Accounts.ListAccountsAsync(new PageRequest(10, "not-a-cursor"), default));
    }
}
