using System.Diagnostics;
using System.Text.RegularExpressions;
using Switchboard.Server.Tests.Process;

namespace Switchboard.Server.Tests.Deploy;

/// <summary>docs/operations.md's backup commands, run against a running server's database. RTP 39360–39361.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchboard-backup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TheDocumentedOnlineBackup_OfARunningServer_IsAWholeDatabase()
    {
        var data = Path.Combine(_directory, "data");
        var backups = Directory.CreateDirectory(Path.Combine(_directory, "backups")).FullName;
        await using var server = await RunningServer.StartAsync(FreePorts.Tcp(), "sb_backup_test_key", ["--sip", "127.0.0.1:0", "--rtp-ports", "39360-39361", "--data", data]);

        // The block under "## Backups", with the documented directories replaced by the test's.
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
        var section = docs[docs.IndexOf("## Backups", StringComparison.Ordinal)..];
        var commands = Regex.Match(section, @"```sh\n(.*?)```", RegexOptions.Singleline).Groups[1].Value
            .Replace("/var/lib/switchboard", data, StringComparison.Ordinal)
            .Replace("/var/backups", backups, StringComparison.Ordinal);
        var (exitCode, output) = await RunAsync("bash", "-c", commands);

        Assert.True(exitCode == 0, output);
        Assert.Equal("ok", output.Trim());
        var backup = Assert.Single(Directory.GetFiles(backups, "switchboard-*.db"));
        var (_, keys) = await RunAsync("sqlite3", backup, "SELECT count(*) FROM api_keys");
        Assert.Equal("1", keys.Trim());
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }
}
