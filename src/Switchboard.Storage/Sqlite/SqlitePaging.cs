using Microsoft.Data.Sqlite;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// Keyset paging on <c>rowid</c> (insertion order): a list query filters <c>rowid &gt; $after</c>, orders by
/// <c>rowid</c>, limits to <c>$take</c> and selects <c>rowid</c> as its last column. One row beyond the page
/// tells whether a next page exists without a COUNT.
/// </summary>
internal static class SqlitePaging
{
    public const string Clause = "rowid > $after ORDER BY rowid LIMIT $take";

    /// <exception cref="ArgumentException">The cursor is not one this server issued.</exception>
    public static async Task<Page<T>> ReadAsync<T>(
        SqliteCommand command, PageRequest page, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        long after = 0;
        if (page.Cursor is not null && !PageCursor.TryDecode(page.Cursor, out after))
        {
            throw new ArgumentException("not a cursor this server issued", nameof(page));
        }

        var limit = Math.Clamp(page.Limit, 1, PageRequest.MaxLimit);
        command.Bind("$after", after);
        command.Bind("$take", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<T>();
        long lastPosition = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == limit)
            {
                return new Page<T>(items, PageCursor.Encode(lastPosition));
            }

            items.Add(read(reader));
            lastPosition = reader.GetInt64(reader.FieldCount - 1);
        }

        return new Page<T>(items, null);
    }
}
