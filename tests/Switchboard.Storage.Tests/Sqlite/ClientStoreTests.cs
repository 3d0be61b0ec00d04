using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Clients;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class ClientStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteClientStore _clients = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _clients = new SqliteClientStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void Ha1_IsTheRfc7616HashOfUserRealmPassword()
    {
        // RFC 2617 §3.5's example credentials; HA1 is the MD5 of "Mufasa:testrealm@host.com:Circle Of Life".
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", Convert.ToHexStringLower(DigestHa1.Md5("Mufasa", "testrealm@host.com", "Circle Of Life")));
        Assert.Equal(
            SHA256.HashData(Encoding.UTF8.GetBytes("Mufasa:testrealm@host.com:Circle Of Life")),
            DigestHa1.Sha256("Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Fact]
    public async Task Client_RoundTrips_AndIsFoundByUsernameFromAnyAccount()
    {
        var client = Records.Client(_db.DefaultAccount.Sid, "alice");

        Assert.Equal(WriteOutcome.Done, await _clients.CreateAsync(client, default));

        var byName = await _clients.FindByUsernameAsync("alice", default);
        Assert.NotNull(byName);
        Assert.Equal(client.Md5Ha1, byName.Md5Ha1);
        Assert.Equal(client.Sha256Ha1, byName.Sha256Ha1);
        Assert.Equal(client with { Md5Ha1 = byName.Md5Ha1, Sha256Ha1 = byName.Sha256Ha1 }, byName);
        Assert.Null(await _clients.FindAsync("another-account", client.Sid, default));
    }

    [Fact]
    public async Task Usernames_AreUniqueAcrossAccounts()
    {
        var other = await _db.NewAccountAsync("other");
        await _clients.CreateAsync(Records.Client(_db.DefaultAccount.Sid, "alice"), default);

        Assert.Equal(WriteOutcome.Duplicate, await _clients.CreateAsync(Records.Client(other.Sid, "alice"), default));
        var bob = Records.Client(other.Sid, "bob");
        await _clients.CreateAsync(bob, default);
        Assert.Equal(WriteOutcome.Duplicate, await _clients.UpdateAsync(bob with { Username = "alice" }, default));
    }

    [Fact]
    public async Task ThePassword_IsNeverStored()
    {
        await _clients.CreateAsync(Records.Client(_db.DefaultAccount.Sid, "alice", password: "pw-plaintext-marker"), default);

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db.Path, _db.Path + "-wal" }.Where(File.Exists))
        {
            Assert.DoesNotContain("pw-plaintext-marker", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Update_ReplacesTheHashes_AndDeleteRemovesTheClient()
    {
        var client = Records.Client(_db.DefaultAccount.Sid, "alice");
        await _clients.CreateAsync(client, default);
        var changed = Records.Client(_db.DefaultAccount.Sid, "alice", password: "new") with { Sid = client.Sid };

        Assert.Equal(WriteOutcome.Done, await _clients.UpdateAsync(changed, default));
        Assert.Equal(changed.Md5Ha1, (await _clients.FindByUsernameAsync("alice", default))?.Md5Ha1);
        Assert.Equal(WriteOutcome.Done, await _clients.DeleteAsync(_db.DefaultAccount.Sid, client.Sid, default));
        Assert.Null(await _clients.FindByUsernameAsync("alice", default));
    }
}
