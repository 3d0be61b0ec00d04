using Microsoft.Data.Sqlite;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class MigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "switchboard-migrate-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migration2_MakesTheKeysOfAVersion1DatabaseAdmin()
    {
        SQLitePCL.Batteries_V2.Init();
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            // The version 1 tables the later migrations touch, as a server of that version left them.
            create.CommandText = """
                CREATE TABLE accounts (sid TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE api_keys (sid TEXT PRIMARY KEY, account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
                    token_hash BLOB NOT NULL UNIQUE, created_at TEXT NOT NULL);
                CREATE TABLE calls (sid TEXT PRIMARY KEY, account_sid TEXT NOT NULL, direction TEXT NOT NULL, from_number TEXT NOT NULL,
                    to_target TEXT NOT NULL, sip_call_id TEXT, status TEXT NOT NULL, sip_status INTEGER, created_at TEXT NOT NULL,
                    answered_at TEXT, ended_at TEXT);
                INSERT INTO accounts VALUES ('acc-1', 'default', '2026-01-01T00:00:00.0000000+00:00');
                INSERT INTO api_keys VALUES ('key-1', 'acc-1', $hash, '2026-01-01T00:00:00.0000000+00:00');
                PRAGMA user_version = 1;
                """;
            create.Parameters.AddWithValue("$hash", ApiKeyHash.Compute("sb_old"));
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var accounts = new SqliteAccountStore(await SqliteDatabase.OpenAsync(_path, default), TimeProvider.System);

        var key = await accounts.FindApiKeyByTokenAsync("sb_old", default);
        Assert.Equal(new ApiKeyRecord("key-1", "acc-1", ApiKeyScope.Admin, DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), key);
        Assert.Equal("acc-1", (await accounts.EnsureDefaultAccountAsync(default)).Sid);
    }
}
