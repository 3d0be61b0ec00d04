using System.Diagnostics;

namespace Switchboard.Server.Tests.Deploy;

public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchboard-unit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TheUnit_PassesSystemdAnalyzeVerify_WithThePublishedProgramInPlace()
    {
        const string analyzer = "/usr/bin/systemd-analyze";
        Assert.True(File.Exists(analyzer), "systemd-analyze (Debian package systemd) is needed to check deploy/switchboard.service");

        // verify checks that ExecStart's program exists: point it at the program this test built.
        var unit = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "switchboard.service"));
        Assert.Contains("ExecStart=/opt/switchboard/switchboard ", unit, StringComparison.Ordinal);
        var path = Path.Combine(_directory, "switchboard.service");
        await File.WriteAllTextAsync(path, unit.Replace("/opt/switchboard/switchboard", Path.Combine(AppContext.BaseDirectory, "switchboard"), StringComparison.Ordinal));

        using var verify = System.Diagnostics.Process.Start(new ProcessStartInfo(analyzer, ["verify", path]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = await verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync();

        Assert.True(verify.ExitCode == 0 && errors.Length == 0, $"exit {verify.ExitCode}: {errors}");
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
