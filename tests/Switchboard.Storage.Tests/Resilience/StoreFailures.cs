using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Tests.Resilience;

/// <summary>The errors SQLite itself raises (https://www.sqlite.org/rescode.html), as the stores see them.</summary>
internal static class StoreFailures
{
    public static SqliteException DiskFull() => new("database or disk is full", 13, 13);

    public static SqliteException ForeignKey() => new("FOREIGN KEY constraint failed", 19, 787);

    public static SqliteException Duplicate() => new("UNIQUE constraint failed", 19, 1555);
}
