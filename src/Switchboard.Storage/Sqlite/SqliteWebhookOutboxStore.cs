using Microsoft.Data.Sqlite;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IWebhookOutboxStore"/> on the embedded database.</summary>
public sealed class SqliteWebhookOutboxStore(SqliteDatabase database) : IWebhookOutboxStore
{
    private const string MessageColumns =
        "id, account_sid, call_sid, event, url, method, username, password, fallback_url, body, created_at, attempts, first_attempt_at, next_attempt_at";

    public async Task OweFinalStatusAsync(OwedFinalStatus owed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO webhook_calls (call_sid, account_sid, dialect, sink_state, created_at)
            VALUES ($call, $account, $dialect, $state, $created)
            ON CONFLICT (call_sid) DO NOTHING
            """;
        insert.Bind("$call", owed.CallSid);
        insert.Bind("$account", owed.AccountSid);
        insert.Bind("$dialect", owed.Dialect);
        insert.Bind("$state", owed.SinkState);
        insert.Bind("$created", SqliteValues.FormatTime(owed.CreatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> AddAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await InsertAsync(connection, null, message, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> SettleFinalStatusAsync(string callSid, OutboxMessage? final, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = final is null ? 0 : await InsertAsync(connection, transaction, final, cancellationToken).ConfigureAwait(false);
        await using (var settle = connection.CreateCommand())
        {
            settle.Transaction = transaction;
            settle.CommandText = "DELETE FROM webhook_calls WHERE call_sid = $call";
            settle.Bind("$call", callSid);
            await settle.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public Task RecordRetryAsync(long id, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE webhook_outbox SET attempts = $attempts, first_attempt_at = $first, next_attempt_at = $next, last_error = $error WHERE id = $id",
            command =>
            {
                command.Bind("$id", id);
                command.Bind("$attempts", attempts);
                command.Bind("$first", SqliteValues.FormatTime(firstAttemptAt));
                command.Bind("$next", SqliteValues.FormatTime(nextAttemptAt));
                command.Bind("$error", error);
            },
            cancellationToken);

    public Task DeleteDeliveredAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM webhook_outbox WHERE id = $id", command => command.Bind("$id", id), cancellationToken);

    public Task GiveUpAsync(long id, int attempts, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE webhook_outbox SET state = 'failed', attempts = $attempts, last_error = $error, gave_up_at = $at, next_attempt_at = NULL WHERE id = $id",
            command =>
            {
                command.Bind("$id", id);
                command.Bind("$attempts", attempts);
                command.Bind("$error", error);
                command.Bind("$at", SqliteValues.FormatTime(at));
            },
            cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {MessageColumns} FROM webhook_outbox WHERE state = 'pending' ORDER BY call_sid, id";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(ReadMessage(reader));
        }

        return messages;
    }

    public async Task<IReadOnlyList<OwedFinalStatus>> ListOwedFinalStatusesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT call_sid, account_sid, dialect, sink_state, created_at FROM webhook_calls ORDER BY created_at";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var owed = new List<OwedFinalStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            owed.Add(new OwedFinalStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetTime(4)));
        }

        return owed;
    }

    public async Task<Page<OutboxFailure>> ListFailuresAsync(string accountSid, string? callSid, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT id, account_sid, call_sid, event, url, fallback_url, attempts, last_error, body, created_at, gave_up_at, rowid
            FROM webhook_outbox
            WHERE account_sid = $account AND state = 'failed' AND ($call IS NULL OR call_sid = $call) AND {SqlitePaging.Clause}
            """;
        query.Bind("$account", accountSid);
        query.Bind("$call", callSid);
        return await SqlitePaging.ReadAsync(
            query,
            page,
            reader => new OutboxFailure(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.NullableString(5),
                reader.GetInt32(6),
                reader.NullableString(7),
                (byte[])reader.GetValue(8),
                reader.GetTime(9),
                reader.GetTime(10)),
            cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO webhook_outbox (account_sid, call_sid, event, url, method, username, password, fallback_url, body, created_at)
            VALUES ($account, $call, $event, $url, $method, $username, $password, $fallback, $body, $created)
            RETURNING id
            """;
        insert.Bind("$account", message.AccountSid);
        insert.Bind("$call", message.CallSid);
        insert.Bind("$event", message.Event);
        insert.Bind("$url", message.Url);
        insert.Bind("$method", message.Method);
        insert.Bind("$username", message.Username);
        insert.Bind("$password", message.Password);
        insert.Bind("$fallback", message.FallbackUrl);
        insert.Bind("$body", message.Body);
        insert.Bind("$created", SqliteValues.FormatTime(message.CreatedAt));
        return (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static OutboxMessage ReadMessage(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.NullableString(6),
        reader.NullableString(7),
        reader.NullableString(8),
        (byte[])reader.GetValue(9),
        reader.GetTime(10))
    {
        Attempts = reader.GetInt32(11),
        FirstAttemptAt = reader.IsDBNull(12) ? null : reader.GetTime(12),
        NextAttemptAt = reader.IsDBNull(13) ? null : reader.GetTime(13),
    };

    private async Task ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
