using Microsoft.Data.Sqlite;
using Switchboard.Storage.Callbacks;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="ICallbackSessionStore"/> on the embedded database.</summary>
public sealed class SqliteCallbackSessionStore(SqliteDatabase database) : ICallbackSessionStore
{
    private const string Columns =
        "sid, account_sid, mode, first_leg, leg_a_sid, leg_a_to, leg_a_from, leg_b_sid, leg_b_to, leg_b_from, status, created_at, " +
        "failed_leg, reason, recording_sid, bridged_at, ended_at";

    public async Task InsertAsync(CallbackSessionRecord session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO callback_sessions ({Columns})
            VALUES ($sid, $account, $mode, $first, $a_sid, $a_to, $a_from, $b_sid, $b_to, $b_from, $status, $created,
                    $failed_leg, $reason, $recording, $bridged, $ended)
            """;
        insert.Bind("$account", session.AccountSid);
        insert.Bind("$mode", session.Mode);
        insert.Bind("$first", session.FirstLeg);
        insert.Bind("$a_sid", session.LegASid);
        insert.Bind("$a_to", session.LegATo);
        insert.Bind("$a_from", session.LegAFrom);
        insert.Bind("$b_sid", session.LegBSid);
        insert.Bind("$b_to", session.LegBTo);
        insert.Bind("$b_from", session.LegBFrom);
        insert.Bind("$created", SqliteValues.FormatTime(session.CreatedAt));
        BindMutable(insert, session);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(CallbackSessionRecord session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE callback_sessions
            SET status = $status, failed_leg = $failed_leg, reason = $reason, recording_sid = $recording,
                bridged_at = $bridged, ended_at = $ended
            WHERE sid = $sid
            """;
        BindMutable(update, session);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> FailUnfinishedAsync(string completedStatus, string failedStatus, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE callback_sessions
            SET status = $failed, reason = $reason, ended_at = $now
            WHERE status NOT IN ($completed, $failed)
            """;
        update.Bind("$failed", failedStatus);
        update.Bind("$completed", completedStatus);
        update.Bind("$reason", reason);
        update.Bind("$now", SqliteValues.FormatTime(now));
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallbackSessionRecord?> FindAsync(string accountSid, string sessionSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM callback_sessions WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", sessionSid);
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    private static void BindMutable(SqliteCommand command, CallbackSessionRecord session)
    {
        command.Bind("$sid", session.Sid);
        command.Bind("$status", session.Status);
        command.Bind("$failed_leg", session.FailedLeg);
        command.Bind("$reason", session.Reason);
        command.Bind("$recording", session.RecordingSid);
        command.Bind("$bridged", session.BridgedAt is { } bridged ? SqliteValues.FormatTime(bridged) : null);
        command.Bind("$ended", session.EndedAt is { } ended ? SqliteValues.FormatTime(ended) : null);
    }

    private static CallbackSessionRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9),
        reader.GetString(10),
        reader.GetTime(11))
    {
        FailedLeg = reader.NullableString(12),
        Reason = reader.NullableString(13),
        RecordingSid = reader.NullableString(14),
        BridgedAt = reader.IsDBNull(15) ? null : reader.GetTime(15),
        EndedAt = reader.IsDBNull(16) ? null : reader.GetTime(16),
    };
}
