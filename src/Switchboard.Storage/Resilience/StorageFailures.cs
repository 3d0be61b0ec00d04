using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Resilience;

/// <summary>Which failures of a write pass with time (the store is full, read-only, locked or briefly unreachable).</summary>
public static class StorageFailures
{
    // https://www.sqlite.org/rescode.html (primary result codes)
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CannotOpen = 14;

    /// <summary>
    /// True when the same write may succeed later unchanged, so it is worth keeping and retrying; false for a write
    /// the store will never take (a constraint it breaks, a bug), which retrying would only repeat.
    /// </summary>
    public static bool IsRetryable(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is Busy or Locked or ReadOnly or IoError or Full or CannotOpen,
        DbException database => database.IsTransient,
        _ => false,
    };

    /// <summary>True when a write already made is what the store refuses (a retried insert of a row it has).</summary>
    public static bool IsAlreadyWritten(Exception exception) =>
        exception is SqliteException sqlite && Sqlite.SqliteErrors.IsDuplicate(sqlite);
}
