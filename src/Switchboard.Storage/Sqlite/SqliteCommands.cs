using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// The execute-and-map steps every resource store shares: one row read into a record, and a write whose rows
/// changed and constraint violations become a <see cref="WriteOutcome"/>.
/// </summary>
internal static class SqliteCommands
{
    public static async Task<T?> ReadSingleAsync<T>(SqliteCommand query, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
    }

    /// <summary>
    /// Runs an insert, update or delete of one row. A unique key already taken is <see cref="WriteOutcome.Duplicate"/>;
    /// with <paramref name="referencesMeanInUse"/>, a foreign key that blocks the write is <see cref="WriteOutcome.InUse"/>
    /// (for rows other rows point at); otherwise that violation is thrown as the bug it would be.
    /// </summary>
    public static async Task<WriteOutcome> WriteAsync(SqliteCommand command, bool referencesMeanInUse, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0 ? WriteOutcome.Done : WriteOutcome.NotFound;
        }
        catch (SqliteException duplicate) when (SqliteErrors.IsDuplicate(duplicate))
        {
            return WriteOutcome.Duplicate;
        }
        catch (SqliteException referenced) when (referencesMeanInUse && SqliteErrors.IsStillReferenced(referenced))
        {
            return WriteOutcome.InUse;
        }
    }
}
