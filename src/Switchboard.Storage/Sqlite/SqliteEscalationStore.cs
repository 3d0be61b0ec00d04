using Microsoft.Data.Sqlite;
using Switchboard.Storage.Escalations;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IEscalationStore"/> on the embedded database, beside the webhook outbox it writes into.</summary>
public sealed class SqliteEscalationStore(SqliteDatabase database) : IEscalationStore
{
    private const string Columns = "sid, account_sid, request, state, outcome, next_attempt_at, created_at, ended_at";
    private const string AttemptColumns = "number, recipient_index, recipient, attempt, call_sid, result, started_at, ended_at";

    public async Task InsertAsync(EscalationRecord escalation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT INTO escalations ({Columns})
                VALUES ($sid, $account, $request, $state, $outcome, $next, $created, $ended)
                """;
            insert.Bind("$account", escalation.AccountSid);
            insert.Bind("$request", escalation.Request);
            insert.Bind("$created", SqliteValues.FormatTime(escalation.CreatedAt));
            BindMutable(insert, escalation);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var attempt in escalation.Attempts)
        {
            await UpsertAttemptAsync(connection, transaction, escalation.Sid, attempt, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> SaveAsync(EscalationRecord escalation, EscalationAttemptRecord? attempt, OutboxMessage? post, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE escalations
                SET state = $state, outcome = $outcome, next_attempt_at = $next, ended_at = $ended
                WHERE sid = $sid
                """;
            BindMutable(update, escalation);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (attempt is not null)
        {
            await UpsertAttemptAsync(connection, transaction, escalation.Sid, attempt, cancellationToken).ConfigureAwait(false);
        }

        var id = post is null ? 0 : await SqliteWebhookOutboxStore.InsertAsync(connection, transaction, post, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<EscalationRecord?> FindAsync(string accountSid, string sid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction for both reads: the escalation and its attempts come from the same save, never an
        // attempt's new result beside the escalation's state from before it.
        // Deferred: a read transaction that takes no write lock (BEGIN IMMEDIATE would).
        await using var snapshot = connection.BeginTransaction(deferred: true);
        await using var query = connection.CreateCommand();
        query.Transaction = snapshot;
        query.CommandText = $"SELECT {Columns} FROM escalations WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", sid);
        query.Bind("$account", accountSid);
        var escalation = await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
        return escalation is null ? null : escalation with { Attempts = await ListAttemptsAsync(connection, snapshot, sid, cancellationToken).ConfigureAwait(false) };
    }

    public async Task<IReadOnlyList<EscalationRecord>> ListRunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var running = new List<EscalationRecord>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = $"SELECT {Columns} FROM escalations WHERE state = 'Running' ORDER BY created_at, sid";
            await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                running.Add(Read(reader));
            }
        }

        for (var i = 0; i < running.Count; i++)
        {
            running[i] = running[i] with { Attempts = await ListAttemptsAsync(connection, null, running[i].Sid, cancellationToken).ConfigureAwait(false) };
        }

        return running;
    }

    private static async Task UpsertAttemptAsync(SqliteConnection connection, SqliteTransaction transaction, string sid, EscalationAttemptRecord attempt, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = $"""
            INSERT INTO escalation_attempts (escalation_sid, {AttemptColumns})
            VALUES ($sid, $number, $index, $recipient, $attempt, $call, $result, $started, $ended)
            ON CONFLICT (escalation_sid, number) DO UPDATE SET result = excluded.result, ended_at = excluded.ended_at
            """;
        upsert.Bind("$sid", sid);
        upsert.Bind("$number", attempt.Number);
        upsert.Bind("$index", attempt.RecipientIndex);
        upsert.Bind("$recipient", attempt.Recipient);
        upsert.Bind("$attempt", attempt.Attempt);
        upsert.Bind("$call", attempt.CallSid);
        upsert.Bind("$result", attempt.Result);
        upsert.Bind("$started", SqliteValues.FormatTime(attempt.StartedAt));
        upsert.Bind("$ended", attempt.EndedAt is { } ended ? SqliteValues.FormatTime(ended) : null);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<EscalationAttemptRecord>> ListAttemptsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sid, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = $"SELECT {AttemptColumns} FROM escalation_attempts WHERE escalation_sid = $sid ORDER BY number";
        query.Bind("$sid", sid);
        var attempts = new List<EscalationAttemptRecord>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(new EscalationAttemptRecord(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetTime(6))
            {
                Result = reader.NullableString(5),
                EndedAt = reader.IsDBNull(7) ? null : reader.GetTime(7),
            });
        }

        return attempts;
    }

    private static void BindMutable(SqliteCommand command, EscalationRecord escalation)
    {
        command.Bind("$sid", escalation.Sid);
        command.Bind("$state", escalation.State);
        command.Bind("$outcome", escalation.Outcome);
        command.Bind("$next", escalation.NextAttemptAt is { } next ? SqliteValues.FormatTime(next) : null);
        command.Bind("$ended", escalation.EndedAt is { } ended ? SqliteValues.FormatTime(ended) : null);
    }

    private static EscalationRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetTime(6))
    {
        Outcome = reader.NullableString(4),
        NextAttemptAt = reader.IsDBNull(5) ? null : reader.GetTime(5),
        EndedAt = reader.IsDBNull(7) ? null : reader.GetTime(7),
    };
}
