using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IAccountStore"/> on the embedded database.</summary>
public sealed class SqliteAccountStore(SqliteDatabase database, TimeProvider timeProvider) : IAccountStore
{
    public const string DefaultAccountName = AccountRecord.DefaultName;

    private const string AccountColumns = "sid, name, created_at";
    private const string KeyColumns = "sid, account_sid, scope, created_at";

    public async Task<AccountRecord> EnsureDefaultAccountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await FindByNameAsync(connection, DefaultAccountName, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var account = new AccountRecord(Guid.NewGuid().ToString(), DefaultAccountName, timeProvider.GetUtcNow());
        await InsertAccountAsync(connection, account, cancellationToken).ConfigureAwait(false);
        return account;
    }

    public Task EnsureApiKeyAsync(string accountSid, string token, CancellationToken cancellationToken) =>
        EnsureApiKeyAsync(accountSid, token, ApiKeyScope.Account, cancellationToken);

    public async Task EnsureApiKeyAsync(string accountSid, string token, ApiKeyScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO api_keys (sid, account_sid, token_hash, scope, created_at) VALUES ($sid, $account, $hash, $scope, $created)
            ON CONFLICT (token_hash) DO UPDATE SET scope = 'admin'
            WHERE excluded.scope = 'admin' AND api_keys.account_sid = excluded.account_sid
            """;
        insert.Bind("$sid", Guid.NewGuid().ToString());
        insert.Bind("$account", accountSid);
        insert.Bind("$hash", ApiKeyHash.Compute(token));
        insert.Bind("$scope", ScopeName(scope));
        insert.Bind("$created", SqliteValues.FormatTime(timeProvider.GetUtcNow()));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> HasApiKeyAsync(string accountSid, CancellationToken cancellationToken) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM api_keys WHERE account_sid = $account)", accountSid, cancellationToken);

    public Task<bool> HasAdminKeyAsync(CancellationToken cancellationToken) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM api_keys WHERE scope = 'admin')", null, cancellationToken);

    public async Task<AccountRecord?> FindAccountByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var key = await FindApiKeyByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return key is null ? null : await FindAccountAsync(key.AccountSid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRecord?> FindApiKeyByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHash.Compute(token);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {KeyColumns}, token_hash FROM api_keys WHERE token_hash = $hash";
        query.Bind("$hash", hash);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // The index lookup already matched; the constant-time compare keeps the check honest if the
        // lookup ever becomes a prefix or range query.
        var stored = (byte[])reader.GetValue(4);
        return CryptographicOperations.FixedTimeEquals(stored, hash) ? ReadKey(reader) : null;
    }

    public async Task<WriteOutcome> CreateAccountAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await InsertAccountAsync(connection, account, cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Done;
        }
        catch (SqliteException duplicate) when (SqliteErrors.IsDuplicate(duplicate))
        {
            return WriteOutcome.Duplicate;
        }
    }

    public async Task<AccountRecord?> FindAccountAsync(string accountSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {AccountColumns} FROM accounts WHERE sid = $sid";
        query.Bind("$sid", accountSid);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
    }

    public async Task<Page<AccountRecord>> ListAccountsAsync(PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {AccountColumns}, rowid FROM accounts WHERE {SqlitePaging.Clause}";
        return await SqlitePaging.ReadAsync(query, page, ReadAccount, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> UpdateAccountAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE accounts SET name = $name WHERE sid = $sid";
        update.Bind("$sid", account.Sid);
        update.Bind("$name", account.Name);
        try
        {
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0 ? WriteOutcome.Done : WriteOutcome.NotFound;
        }
        catch (SqliteException duplicate) when (SqliteErrors.IsDuplicate(duplicate))
        {
            return WriteOutcome.Duplicate;
        }
    }

    public async Task<WriteOutcome> DeleteAccountAsync(string accountSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM accounts WHERE sid = $sid";
        delete.Bind("$sid", accountSid);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0 ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    public async Task<CreatedApiKey> CreateApiKeyAsync(string accountSid, ApiKeyScope scope, CancellationToken cancellationToken)
    {
        var token = ApiKeyHash.NewToken();
        var key = new ApiKeyRecord(Guid.NewGuid().ToString(), accountSid, scope, timeProvider.GetUtcNow());
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO api_keys (sid, account_sid, token_hash, scope, created_at) VALUES ($sid, $account, $hash, $scope, $created)";
        insert.Bind("$sid", key.Sid);
        insert.Bind("$account", key.AccountSid);
        insert.Bind("$hash", ApiKeyHash.Compute(token));
        insert.Bind("$scope", ScopeName(key.Scope));
        insert.Bind("$created", SqliteValues.FormatTime(key.CreatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(key, token);
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string accountSid, string keySid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {KeyColumns} FROM api_keys WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", keySid);
        query.Bind("$account", accountSid);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadKey(reader) : null;
    }

    public async Task<Page<ApiKeyRecord>> ListApiKeysAsync(string accountSid, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {KeyColumns}, rowid FROM api_keys WHERE account_sid = $account AND {SqlitePaging.Clause}";
        query.Bind("$account", accountSid);
        return await SqlitePaging.ReadAsync(query, page, ReadKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> DeleteApiKeyAsync(string accountSid, string keySid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        // One statement, so two concurrent deletes cannot both pass the "another admin key remains" check.
        delete.CommandText = """
            DELETE FROM api_keys WHERE sid = $sid AND account_sid = $account
            AND (scope <> 'admin' OR (SELECT COUNT(*) FROM api_keys WHERE scope = 'admin') > 1)
            """;
        delete.Bind("$sid", keySid);
        delete.Bind("$account", accountSid);
        if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return WriteOutcome.Done;
        }

        return await FindApiKeyAsync(accountSid, keySid, cancellationToken).ConfigureAwait(false) is null ? WriteOutcome.NotFound : WriteOutcome.InUse;
    }

    private async Task<bool> ExistsAsync(string sql, string? accountSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        query.Bind("$account", accountSid);
        return (long)(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
    }

    private static async Task InsertAccountAsync(SqliteConnection connection, AccountRecord account, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO accounts (sid, name, created_at) VALUES ($sid, $name, $created)";
        insert.Bind("$sid", account.Sid);
        insert.Bind("$name", account.Name);
        insert.Bind("$created", SqliteValues.FormatTime(account.CreatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AccountRecord?> FindByNameAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {AccountColumns} FROM accounts WHERE name = $name";
        query.Bind("$name", name);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAccount(reader) : null;
    }

    private static string ScopeName(ApiKeyScope scope) => scope == ApiKeyScope.Admin ? "admin" : "account";

    private static AccountRecord ReadAccount(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetTime(2));

    private static ApiKeyRecord ReadKey(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2) == "admin" ? ApiKeyScope.Admin : ApiKeyScope.Account,
        reader.GetTime(3));
}
