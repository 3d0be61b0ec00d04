using Microsoft.Data.Sqlite;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Recordings;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IRecordingStore"/> on the embedded database.</summary>
public sealed class SqliteRecordingStore(SqliteDatabase database) : IRecordingStore
{
    private const string Columns = "sid, account_sid, call_sid, source, status, reason, channels, duration_ms, size, created_at";

    public async Task<WriteOutcome> CreateAsync(RecordingRecord recording, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO recordings ({Columns})
            VALUES ($sid, $account, $call, $source, $status, $reason, $channels, $duration, $size, $created)
            """;
        insert.Bind("$sid", recording.Sid);
        insert.Bind("$account", recording.AccountSid);
        insert.Bind("$call", recording.CallSid);
        insert.Bind("$source", recording.Source);
        insert.Bind("$status", recording.Status);
        insert.Bind("$reason", recording.Reason);
        insert.Bind("$channels", recording.Channels);
        insert.Bind("$duration", (long)recording.Duration.TotalMilliseconds);
        insert.Bind("$size", recording.Size);
        insert.Bind("$created", SqliteValues.FormatTime(recording.CreatedAt));
        return await SqliteCommands.WriteAsync(insert, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RecordingRecord?> FindAsync(string accountSid, string recordingSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM recordings WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", recordingSid);
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<RecordingRecord>> ListAsync(string accountSid, string? callSid, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        var byCall = callSid is null ? string.Empty : " AND call_sid = $call";
        query.CommandText = $"SELECT {Columns}, rowid FROM recordings WHERE account_sid = $account{byCall} AND {SqlitePaging.Clause}";
        query.Bind("$account", accountSid);
        if (callSid is not null)
        {
            query.Bind("$call", callSid);
        }

        return await SqlitePaging.ReadAsync(query, page, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> DeleteAsync(string accountSid, string recordingSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM recordings WHERE sid = $sid AND account_sid = $account";
        delete.Bind("$sid", recordingSid);
        delete.Bind("$account", accountSid);
        return await SqliteCommands.WriteAsync(delete, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    private static RecordingRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.NullableString(5),
        reader.GetInt32(6),
        TimeSpan.FromMilliseconds(reader.GetInt64(7)),
        reader.GetInt64(8),
        reader.GetTime(9));
}
