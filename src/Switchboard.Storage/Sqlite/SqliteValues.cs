using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Sqlite;

/// <summary>How values go into and come out of columns: times as round-trip ISO 8601 text, null as SQL NULL.</summary>
internal static class SqliteValues
{
    public static void Bind(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    public static string FormatTime(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) => ParseTime(reader.GetString(ordinal));
}
