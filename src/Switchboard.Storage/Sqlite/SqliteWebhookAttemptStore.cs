using Microsoft.Data.Sqlite;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IWebhookAttemptStore"/> on the embedded database.</summary>
public sealed class SqliteWebhookAttemptStore(SqliteDatabase database) : IWebhookAttemptStore
{
    private const string Columns = "call_sid, account_sid, kind, url, method, attempt, status_code, error, latency_ms, request_body, answer_body, started_at, id";

    public async Task AddAsync(WebhookAttemptRecord attempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO webhook_attempts (call_sid, account_sid, kind, url, method, attempt, status_code, error, latency_ms, request_body, answer_body, started_at)
            VALUES ($call, $account, $kind, $url, $method, $attempt, $status, $error, $latency, $request, $answer, $started)
            """;
        insert.Bind("$call", attempt.CallSid);
        insert.Bind("$account", attempt.AccountSid);
        insert.Bind("$kind", attempt.Kind);
        insert.Bind("$url", attempt.Url);
        insert.Bind("$method", attempt.Method);
        insert.Bind("$attempt", attempt.Attempt);
        insert.Bind("$status", attempt.StatusCode);
        insert.Bind("$error", attempt.Error);
        insert.Bind("$latency", attempt.LatencyMs);
        insert.Bind("$request", attempt.RequestBody);
        insert.Bind("$answer", attempt.AnswerBody);
        insert.Bind("$started", SqliteValues.FormatTime(attempt.StartedAt.ToUniversalTime()));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookAttemptRecord>> ListForCallAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM webhook_attempts WHERE call_sid = $call ORDER BY id";
        query.Bind("$call", callSid);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var attempts = new List<WebhookAttemptRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(Read(reader));
        }

        return attempts;
    }

    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM webhook_attempts WHERE started_at < $cutoff";
        delete.Bind("$cutoff", SqliteValues.FormatTime(cutoff.ToUniversalTime()));
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static WebhookAttemptRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.NullableString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetInt32(6),
        reader.NullableString(7),
        reader.GetInt64(8),
        reader.NullableString(9),
        reader.NullableString(10),
        reader.GetTime(11))
    {
        Id = reader.GetInt64(12),
    };
}
