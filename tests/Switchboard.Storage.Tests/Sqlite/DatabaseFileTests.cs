using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Storage.Tests.Sqlite;

// File modes are a Unix notion; the server runs on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class DatabaseFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "switchboard-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Open_InANewDirectory_CreatesTheDirectoryAndEveryDatabaseFileForTheOwnerOnly()
    {
        var data = Path.Combine(_directory, "data");
        var path = Path.Combine(data, "switchboard.db");

        var database = await SqliteDatabase.OpenAsync(path, default);
        await using (var connection = await database.OpenConnectionAsync(default))
        await using (var write = connection.CreateCommand())
        {
            write.CommandText = "INSERT INTO accounts (sid, name, created_at) VALUES ('acc-files', 'files', '2026-01-01');";
            await write.ExecuteNonQueryAsync();
        }

        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(data));
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            Assert.True(File.Exists(file), file + " was not created");
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Open_AnExistingWorldReadableDatabase_NarrowsItToTheOwner()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "old.db");
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
        }

        File.SetUnixFileMode(path, PrivateFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await SqliteDatabase.OpenAsync(path, default);

        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Open_UsesASqliteWithTheFixForCve202235737()
    {
        var database = await SqliteDatabase.OpenAsync(Path.Combine(_directory, "version.db"), default);
        await using var connection = await database.OpenConnectionAsync(default);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT sqlite_version();";

        var version = Version.Parse((string)(await query.ExecuteScalarAsync())!);

        // 3.39.2 fixed the array-bounds overflow in the printf family (CVE-2022-35737).
        Assert.True(version >= new Version(3, 39, 2), "SQLite " + version);
    }
}
