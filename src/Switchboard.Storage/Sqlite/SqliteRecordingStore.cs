using Microsoft.Data.Sqlite;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Recordings;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IRecordingStore"/> on the embedded database.</summary>
public sealed class SqliteRecordingStore(SqliteDatabase database)
    : SqliteResourceStore<RecordingRecord>(database, "recordings", Columns, Read, referencesMeanInUse: false), IRecordingStore
{
    private const string Columns = "sid, account_sid, call_sid, source, status, reason, channels, duration_ms, size, created_at";

    public Task<WriteOutcome> CreateAsync(RecordingRecord recording, CancellationToken cancellationToken) => InsertAsync(
        $"""
        INSERT INTO recordings ({Columns})
        VALUES ($sid, $account, $call, $source, $status, $reason, $channels, $duration, $size, $created)
        """,
        insert =>
        {
            insert.Bind("$sid", recording.Sid);
            insert.Bind("$account", recording.AccountSid);
            insert.Bind("$call", recording.CallSid);
            insert.Bind("$source", recording.Source);
            insert.Bind("$status", recording.Status);
            insert.Bind("$reason", recording.Reason);
            insert.Bind("$channels", recording.Channels);
            insert.Bind("$duration", (long)recording.Duration.TotalMilliseconds);
            insert.Bind("$size", recording.Size);
        },
        recording.CreatedAt,
        cancellationToken);

    public Task<Page<RecordingRecord>> ListAsync(string accountSid, string? callSid, PageRequest page, CancellationToken cancellationToken) =>
        callSid is null
            ? ListAsync(accountSid, page, cancellationToken)
            : ListWhereAsync(
                "account_sid = $account AND call_sid = $call",
                query =>
                {
                    query.Bind("$account", accountSid);
                    query.Bind("$call", callSid);
                },
                page,
                cancellationToken);

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
