namespace Switchboard.Storage.Sqlite;

/// <summary>
/// Creates the data directory and the database file readable by the server's user only: the database holds
/// webhook secrets, carrier passwords and call records, so other users of the machine must not read it.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rwx for the owner only (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates <paramref name="path"/> (and missing parents) 0700. An existing directory keeps its mode: it may be
    /// shared on purpose (a service manager's state directory, a mounted volume).
    /// </summary>
    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>
    /// Creates <paramref name="path"/> empty and 0600 if it does not exist, or narrows an existing file to 0600
    /// (databases of earlier versions were created world-readable). SQLite gives its -wal and -shm files the
    /// database file's mode, so they follow.
    /// </summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
            return;
        }

        using var created = new FileStream(path, new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = FileMode,
        });
    }
}
