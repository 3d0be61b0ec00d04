using System.Text.Json.Serialization;

namespace Switchboard.Storage.Sqlite;

/// <summary>Source-generated JSON for the few list-valued columns (a carrier's inbound allow list).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
