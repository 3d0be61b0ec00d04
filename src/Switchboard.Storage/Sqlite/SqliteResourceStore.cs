using Microsoft.Data.Sqlite;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// A store of one account-owned resource on the embedded database: rows keyed by <c>sid</c> and <c>account_sid</c>,
/// listed in <c>rowid</c> order (<see cref="SqlitePaging"/>). The find, delete and list queries are the same for
/// every such resource and live here; a store adds its own inserts, updates and lookups through the protected steps.
/// </summary>
/// <param name="referencesMeanInUse">Whether a foreign key that blocks a write means another row still uses this one (<see cref="SqliteCommands.WriteAsync"/>).</param>
public abstract class SqliteResourceStore<T>(
    SqliteDatabase database, string table, string columns, Func<SqliteDataReader, T> read, bool referencesMeanInUse)
    where T : class
{
    private const string OwnRow = "sid = $sid AND account_sid = $account";

    public Task<T?> FindAsync(string accountSid, string sid, CancellationToken cancellationToken) =>
        FindWhereAsync(OwnRow, query => BindOwnRow(query, accountSid, sid), cancellationToken);

    public Task<WriteOutcome> DeleteAsync(string accountSid, string sid, CancellationToken cancellationToken) =>
        WriteAsync($"DELETE FROM {table} WHERE {OwnRow}", delete => BindOwnRow(delete, accountSid, sid), cancellationToken);

    public Task<Page<T>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken) =>
        ListWhereAsync("account_sid = $account", query => query.Bind("$account", accountSid), page, cancellationToken);

    /// <summary>The one row that <paramref name="condition"/> (a unique key) selects, or null.</summary>
    protected async Task<T?> FindWhereAsync(string condition, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {columns} FROM {table} WHERE {condition}";
        bind(query);
        return await SqliteCommands.ReadSingleAsync(query, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of the rows that <paramref name="condition"/> selects.</summary>
    protected async Task<Page<T>> ListWhereAsync(string condition, Action<SqliteCommand> bind, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {columns}, rowid FROM {table} WHERE {condition} AND {SqlitePaging.Clause}";
        bind(query);
        return await SqlitePaging.ReadAsync(query, page, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every row of every account, in the order they were inserted.</summary>
    protected async Task<IReadOnlyList<T>> ListEveryAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {columns} FROM {table} ORDER BY rowid";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs an insert of one row whose <c>$created</c> is <paramref name="createdAt"/> (<see cref="WriteAsync"/>).</summary>
    protected Task<WriteOutcome> InsertAsync(string statement, Action<SqliteCommand> bind, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        WriteAsync(statement, insert => BindCreated(insert, bind, createdAt), cancellationToken);

    /// <summary>Runs an insert, update or delete of one row and maps its result (<see cref="SqliteCommands.WriteAsync"/>).</summary>
    protected async Task<WriteOutcome> WriteAsync(string statement, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        bind(command);
        return await SqliteCommands.WriteAsync(command, referencesMeanInUse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a statement as it is, letting any constraint violation throw, and returns the rows it changed.</summary>
    protected async Task<int> ExecuteAsync(string statement, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void BindCreated(SqliteCommand insert, Action<SqliteCommand> bind, DateTimeOffset createdAt)
    {
        bind(insert);
        insert.Bind("$created", SqliteValues.FormatTime(createdAt));
    }

    private static void BindOwnRow(SqliteCommand command, string accountSid, string sid)
    {
        command.Bind("$sid", sid);
        command.Bind("$account", accountSid);
    }
}
