using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="ICallStore"/> on the embedded database.</summary>
public sealed class SqliteCallStore(SqliteDatabase database) : ICallStore
{
    private const string CallColumns =
        "sid, account_sid, direction, from_number, to_target, sip_call_id, status, sip_status, created_at, answered_at, ended_at, application_sid, parent_call_sid, caller_name, end_reason, hangup_by, tag";

    public async Task InsertAsync(CallRecord call, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO calls ({CallColumns})
            VALUES ($sid, $account, $direction, $from, $to, $callId, $status, $sipStatus, $created, $answered, $ended, $application, $parent, $callerName, $endReason, $hangupBy, $tag)
            """;
        Bind(insert, call);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(CallRecord call, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE calls SET sip_call_id = $callId, status = $status, sip_status = $sipStatus,
                answered_at = $answered, ended_at = $ended, end_reason = $endReason, hangup_by = $hangupBy, tag = $tag
            WHERE sid = $sid
            """;
        Bind(update, call);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendEventAsync(CallEventRecord callEvent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO call_events (call_sid, seq, at, name, detail) VALUES ($call, $seq, $at, $name, $detail)";
        insert.Parameters.AddWithValue("$call", callEvent.CallSid);
        insert.Parameters.AddWithValue("$seq", callEvent.Sequence);
        insert.Parameters.AddWithValue("$at", Format(callEvent.At));
        insert.Parameters.AddWithValue("$name", callEvent.Name);
        insert.Parameters.AddWithValue("$detail", (object?)callEvent.Detail ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {CallColumns} FROM calls WHERE sid = $sid AND account_sid = $account";
        query.Parameters.AddWithValue("$sid", callSid);
        query.Parameters.AddWithValue("$account", accountSid);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCall(reader) : null;
    }

    public Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, int limit, CancellationToken cancellationToken) =>
        ListAsync(accountSid, CallFilter.All, limit, cancellationToken);

    public async Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, CallFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {CallColumns} FROM calls WHERE {Where(query, accountSid, filter)} ORDER BY created_at DESC LIMIT $limit";
        query.Parameters.AddWithValue("$limit", limit);
        return await ReadCallsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallPage> PageAsync(string accountSid, CallFilter filter, int offset, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var total = connection.CreateCommand();
        total.CommandText = $"SELECT COUNT(*) FROM calls WHERE {Where(total, accountSid, filter)}";
        var matching = Convert.ToInt32(await total.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {CallColumns} FROM calls WHERE {Where(query, accountSid, filter)} ORDER BY created_at DESC, sid LIMIT $limit OFFSET $offset";
        query.Parameters.AddWithValue("$limit", count);
        query.Parameters.AddWithValue("$offset", offset);
        return new CallPage(matching, await ReadCallsAsync(query, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Page<CallRecord>> ListPageAsync(string accountSid, CallFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        long before = 0;
        if (page.Cursor is not null && !PageCursor.TryDecode(page.Cursor, out before))
        {
            throw new ArgumentException("not a cursor this server issued", nameof(page));
        }

        // Keyset paging on rowid, newest first: calls are inserted when created, so rowid order is creation order.
        var limit = Math.Clamp(page.Limit, 1, ICallStore.MaxListLimit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {CallColumns}, rowid FROM calls WHERE {Where(query, accountSid, filter)} AND ($before = 0 OR rowid < $before) ORDER BY rowid DESC LIMIT $take";
        query.Parameters.AddWithValue("$before", before);
        query.Parameters.AddWithValue("$take", limit + 1);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var calls = new List<CallRecord>();
        long last = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (calls.Count == limit)
            {
                return new Page<CallRecord>(calls, PageCursor.Encode(last));
            }

            calls.Add(ReadCall(reader));
            last = reader.GetInt64(reader.FieldCount - 1);
        }

        return new Page<CallRecord>(calls, null);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLiveByDirectionAsync(string accountSid, IReadOnlyList<string> liveStatuses, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        var statuses = new CallFilter([.. liveStatuses.Select(status => new CallStatusMatch(status))], null, null, null);
        query.CommandText = $"SELECT direction, COUNT(*) FROM calls WHERE {Where(query, accountSid, statuses)} GROUP BY direction";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private static string Where(SqliteCommand query, string accountSid, CallFilter filter)
    {
        var where = new StringBuilder("account_sid = $account");
        query.Parameters.AddWithValue("$account", accountSid);
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            where.Append(" AND (");
            for (var i = 0; i < statuses.Count; i++)
            {
                var name = "$status" + i.ToString(CultureInfo.InvariantCulture);
                where.Append(i == 0 ? "(status = " : " OR (status = ").Append(name);
                query.Parameters.AddWithValue(name, statuses[i].Status);
                if (statuses[i].SipStatuses is { Count: > 0 } sipStatuses)
                {
                    // Whole numbers from code, never from a request: written in place.
                    var list = string.Join(", ", sipStatuses.Select(code => code.ToString(CultureInfo.InvariantCulture)));
                    where.Append(statuses[i].Excluding ? $" AND (sip_status IS NULL OR sip_status NOT IN ({list}))" : $" AND sip_status IN ({list})");
                }

                where.Append(')');
            }

            where.Append(')');
        }

        AddEquals(query, where, "direction", filter.Direction);
        AddEquals(query, where, "from_number", filter.From);
        AddEquals(query, where, "to_target", filter.To);
        if (filter.EndedOnly)
        {
            where.Append(" AND ended_at IS NOT NULL");
        }

        if (filter.Answered is { } answered)
        {
            where.Append(answered ? " AND answered_at IS NOT NULL" : " AND answered_at IS NULL");
        }

        // Times are stored as round-trip UTC text, so they compare as they sort.
        if (filter.CreatedFrom is { } from)
        {
            where.Append(" AND created_at >= $createdFrom");
            query.Parameters.AddWithValue("$createdFrom", Format(from.ToUniversalTime()));
        }

        if (filter.CreatedBefore is { } before)
        {
            where.Append(" AND created_at < $createdBefore");
            query.Parameters.AddWithValue("$createdBefore", Format(before.ToUniversalTime()));
        }

        AddEquals(query, where, "application_sid", filter.ApplicationSid);
        if (filter.TagKey is { } tagKey)
        {
            // The key is checked by the caller to be a plain name, so it is safe inside the quoted JSON path.
            query.Parameters.AddWithValue("$tagPath", $"$.\"{tagKey}\"");
            if (filter.TagValue is { } tagValue)
            {
                where.Append(" AND CAST(json_extract(tag, $tagPath) AS TEXT) = $tagValue");
                query.Parameters.AddWithValue("$tagValue", tagValue);
            }
            else
            {
                where.Append(" AND json_type(tag, $tagPath) IS NOT NULL");
            }
        }

        if (filter.Party is { } party)
        {
            where.Append(" AND (from_number = $party OR to_target = $party OR sid = $party OR sip_call_id = $party)");
            query.Parameters.AddWithValue("$party", party);
        }

        return where.ToString();
    }

    private static async Task<IReadOnlyList<CallRecord>> ReadCallsAsync(SqliteCommand query, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var calls = new List<CallRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            calls.Add(ReadCall(reader));
        }

        return calls;
    }

    public async Task<IReadOnlyList<CallEventRecord>> ListEventsAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT call_sid, seq, at, name, detail FROM call_events WHERE call_sid = $call ORDER BY seq";
        query.Parameters.AddWithValue("$call", callSid);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<CallEventRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new CallEventRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return events;
    }

    public async Task<IReadOnlyList<CallRecord>> ListInStatusAsync(IReadOnlyList<string> statuses, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        var names = new StringBuilder();
        for (var i = 0; i < statuses.Count; i++)
        {
            names.Append(i == 0 ? "$status" : ", $status").Append(i);
            query.Parameters.AddWithValue("$status" + i.ToString(CultureInfo.InvariantCulture), statuses[i]);
        }

        query.CommandText = $"SELECT {CallColumns} FROM calls WHERE status IN ({(statuses.Count == 0 ? "NULL" : names)}) ORDER BY created_at";
        return await ReadCallsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private static void AddEquals(SqliteCommand query, StringBuilder where, string column, string? value)
    {
        if (value is not null)
        {
            where.Append(" AND ").Append(column).Append(" = $").Append(column);
            query.Parameters.AddWithValue("$" + column, value);
        }
    }

    private static void Bind(SqliteCommand command, CallRecord call)
    {
        command.Parameters.AddWithValue("$sid", call.Sid);
        command.Parameters.AddWithValue("$account", call.AccountSid);
        command.Parameters.AddWithValue("$direction", call.Direction);
        command.Parameters.AddWithValue("$from", call.From);
        command.Parameters.AddWithValue("$to", call.To);
        command.Parameters.AddWithValue("$callId", (object?)call.SipCallId ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", call.Status);
        command.Parameters.AddWithValue("$sipStatus", (object?)call.SipStatus ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", Format(call.CreatedAt));
        command.Parameters.AddWithValue("$answered", call.AnsweredAt is { } answered ? Format(answered) : DBNull.Value);
        command.Parameters.AddWithValue("$ended", call.EndedAt is { } ended ? Format(ended) : DBNull.Value);
        command.Parameters.AddWithValue("$application", (object?)call.ApplicationSid ?? DBNull.Value);
        command.Parameters.AddWithValue("$parent", (object?)call.ParentCallSid ?? DBNull.Value);
        command.Parameters.AddWithValue("$callerName", (object?)call.CallerName ?? DBNull.Value);
        command.Parameters.AddWithValue("$endReason", (object?)call.EndReason ?? DBNull.Value);
        command.Parameters.AddWithValue("$hangupBy", (object?)call.HangupBy ?? DBNull.Value);
        command.Parameters.AddWithValue("$tag", (object?)call.Tag ?? DBNull.Value);
    }

    private static CallRecord ReadCall(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetInt32(7),
        Parse(reader.GetString(8)),
        reader.IsDBNull(9) ? null : Parse(reader.GetString(9)),
        reader.IsDBNull(10) ? null : Parse(reader.GetString(10)))
    {
        ApplicationSid = reader.IsDBNull(11) ? null : reader.GetString(11),
        ParentCallSid = reader.IsDBNull(12) ? null : reader.GetString(12),
        CallerName = reader.IsDBNull(13) ? null : reader.GetString(13),
        EndReason = reader.IsDBNull(14) ? null : reader.GetString(14),
        HangupBy = reader.IsDBNull(15) ? null : reader.GetString(15),
        Tag = reader.IsDBNull(16) ? null : reader.GetString(16),
    };

    private static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
