using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// The schema, versioned in code: migration N runs once, when <c>PRAGMA user_version</c> is below N,
/// inside one transaction with the version bump, so a crash never leaves half a migration.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE accounts (
            sid        TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE api_keys (
            sid         TEXT PRIMARY KEY,
            account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            token_hash  BLOB NOT NULL UNIQUE,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE calls (
            sid          TEXT PRIMARY KEY,
            account_sid  TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            direction    TEXT NOT NULL,
            from_number  TEXT NOT NULL,
            to_target    TEXT NOT NULL,
            sip_call_id  TEXT,
            status       TEXT NOT NULL,
            sip_status   INTEGER,
            created_at   TEXT NOT NULL,
            answered_at  TEXT,
            ended_at     TEXT
        );
        CREATE INDEX calls_account ON calls(account_sid, created_at);
        CREATE TABLE call_events (
            call_sid TEXT NOT NULL REFERENCES calls(sid) ON DELETE CASCADE,
            seq      INTEGER NOT NULL,
            at       TEXT NOT NULL,
            name     TEXT NOT NULL,
            detail   TEXT,
            PRIMARY KEY (call_sid, seq)
        );
        """,
    ];

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var versionCommand = connection.CreateCommand();
        versionCommand.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
