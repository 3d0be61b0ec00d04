using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Accounts;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IAccountStore"/> on the embedded database.</summary>
public sealed class SqliteAccountStore(SqliteDatabase database, TimeProvider timeProvider) : IAccountStore
{
    public const string DefaultAccountName = "default";

    public async Task<AccountRecord> EnsureDefaultAccountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await FindByNameAsync(connection, DefaultAccountName, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var account = new AccountRecord(Guid.NewGuid().ToString(), DefaultAccountName, timeProvider.GetUtcNow());
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO accounts (sid, name, created_at) VALUES ($sid, $name, $created)";
        insert.Parameters.AddWithValue("$sid", account.Sid);
        insert.Parameters.AddWithValue("$name", account.Name);
        insert.Parameters.AddWithValue("$created", account.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return account;
    }

    public async Task EnsureApiKeyAsync(string accountSid, string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO api_keys (sid, account_sid, token_hash, created_at) VALUES ($sid, $account, $hash, $created)
            ON CONFLICT (token_hash) DO NOTHING
            """;
        insert.Parameters.AddWithValue("$sid", Guid.NewGuid().ToString());
        insert.Parameters.AddWithValue("$account", accountSid);
        insert.Parameters.AddWithValue("$hash", ApiKeyHash.Compute(token));
        insert.Parameters.AddWithValue("$created", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HasApiKeyAsync(string accountSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM api_keys WHERE account_sid = $account";
        query.Parameters.AddWithValue("$account", accountSid);
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    public async Task<AccountRecord?> FindAccountByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHash.Compute(token);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT k.token_hash, a.sid, a.name, a.created_at FROM api_keys k
            JOIN accounts a ON a.sid = k.account_sid WHERE k.token_hash = $hash
            """;
        query.Parameters.AddWithValue("$hash", hash);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // The index lookup already matched; the constant-time compare keeps the check honest if the
        // lookup ever becomes a prefix or range query.
        var stored = (byte[])reader.GetValue(0);
        return CryptographicOperations.FixedTimeEquals(stored, hash) ? ReadAccount(reader, 1) : null;
    }

    private static async Task<AccountRecord?> FindByNameAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT sid, name, created_at FROM accounts WHERE name = $name ORDER BY created_at LIMIT 1";
        query.Parameters.AddWithValue("$name", name);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader, 0) : null;
    }

    private static AccountRecord ReadAccount(SqliteDataReader reader, int offset) => new(
        reader.GetString(offset),
        reader.GetString(offset + 1),
        DateTimeOffset.Parse(reader.GetString(offset + 2), CultureInfo.InvariantCulture));
}
