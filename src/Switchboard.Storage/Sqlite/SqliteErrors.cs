using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// Constraint violations the stores turn into <see cref="WriteOutcome"/>s: letting the database decide keeps
/// uniqueness and references exact under concurrent writers, where a check-then-write would race.
/// </summary>
internal static class SqliteErrors
{
    // https://www.sqlite.org/rescode.html
    private const int ConstraintForeignKey = 787;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public static bool IsDuplicate(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;

    public static bool IsStillReferenced(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == ConstraintForeignKey;
}
