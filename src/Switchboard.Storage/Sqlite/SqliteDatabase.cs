using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// The embedded SQLite database: opens pooled connections in WAL mode and brings the schema up to date
/// (<see cref="SqliteMigrations"/>) before anything else touches it.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    private SqliteDatabase(string connectionString) => _connectionString = connectionString;

    /// <summary>
    /// Opens (creating if needed) the database file and applies every pending migration. A new directory is created
    /// 0700 and the file is kept 0600 (<see cref="PrivateFiles"/>).
    /// </summary>
    public static async Task<SqliteDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        SQLitePCL.Batteries_V2.Init();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            PrivateFiles.EnsureDirectory(directory);
        }

        PrivateFiles.EnsureFile(path);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        };
        var database = new SqliteDatabase(builder.ToString());
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            // WAL lets webhook readers and call writers proceed without blocking each other.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await SqliteMigrations.ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
        return database;
    }

    /// <summary>An open connection with foreign keys on and a busy timeout, for one unit of work.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
