using Microsoft.Data.Sqlite;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IWebhookSecretStore"/> on the embedded database.</summary>
public sealed class SqliteWebhookSecretStore(SqliteDatabase database, TimeProvider timeProvider) : IWebhookSecretStore
{
    public async Task<WebhookSecretRecord> GetOrCreateAsync(string accountSid, string newSecret, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            // Two first requests racing both try; the first insert wins and both read the same secret.
            insert.CommandText = """
                INSERT INTO webhook_secrets (account_sid, secret, created_at) VALUES ($account, $secret, $created)
                ON CONFLICT (account_sid) DO NOTHING
                """;
            insert.Bind("$account", accountSid);
            insert.Bind("$secret", newSecret);
            insert.Bind("$created", SqliteValues.FormatTime(timeProvider.GetUtcNow()));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadAsync(connection, accountSid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookSecretRecord> RotateAsync(string accountSid, string newSecret, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var rotate = connection.CreateCommand())
        {
            rotate.CommandText = """
                INSERT INTO webhook_secrets (account_sid, secret, created_at) VALUES ($account, $secret, $at)
                ON CONFLICT (account_sid) DO UPDATE SET previous_secret = secret, secret = excluded.secret, rotated_at = $at
                """;
            rotate.Bind("$account", accountSid);
            rotate.Bind("$secret", newSecret);
            rotate.Bind("$at", SqliteValues.FormatTime(at));
            await rotate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadAsync(connection, accountSid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookSecretRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT account_sid, secret, previous_secret, rotated_at FROM webhook_secrets ORDER BY account_sid";
        var records = new List<WebhookSecretRecord>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    public async Task ReplaceAsync(WebhookSecretRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE webhook_secrets SET secret = $secret, previous_secret = $previous WHERE account_sid = $account";
        update.Bind("$account", record.AccountSid);
        update.Bind("$secret", record.Secret);
        update.Bind("$previous", record.PreviousSecret);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<WebhookSecretRecord> ReadAsync(SqliteConnection connection, string accountSid, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT account_sid, secret, previous_secret, rotated_at FROM webhook_secrets WHERE account_sid = $account";
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(
            query,
            Read,
            cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the webhook secret row vanished after it was written");
    }

    private static WebhookSecretRecord Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.IsDBNull(3) ? null : reader.GetTime(3));
}
