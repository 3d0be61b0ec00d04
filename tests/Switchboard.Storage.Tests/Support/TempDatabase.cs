using Switchboard.Storage.Accounts;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Storage.Tests.Support;

/// <summary>A real SQLite file in the temp directory, deleted with its WAL files when the test ends.</summary>
public sealed class TempDatabase : IAsyncLifetime
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "switchboard-store-" + Guid.NewGuid().ToString("N") + ".db");

    public SqliteDatabase Database { get; private set; } = null!;

    public SqliteAccountStore Accounts { get; private set; } = null!;

    public AccountRecord DefaultAccount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await SqliteDatabase.OpenAsync(Path, default);
        Accounts = new SqliteAccountStore(Database, TimeProvider.System);
        DefaultAccount = await Accounts.EnsureDefaultAccountAsync(default);
    }

    public async Task<AccountRecord> NewAccountAsync(string name)
    {
        var account = new AccountRecord(Guid.NewGuid().ToString(), name, DateTimeOffset.UtcNow);
        Assert.Equal(WriteOutcome.Done, await Accounts.CreateAccountAsync(account, default));
        return account;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
