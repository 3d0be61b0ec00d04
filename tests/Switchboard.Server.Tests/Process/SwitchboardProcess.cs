using System.Diagnostics;

namespace Switchboard.Server.Tests.Process;

/// <summary>What one run of the real <c>switchboard</c> program printed, and how it ended.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs the real server program (<c>dotnet switchboard.dll</c> from this test's output, as <c>./run</c> does) with
/// flags, and waits for it to exit. Any <c>SWITCHBOARD_*</c> variable of the test's own environment is removed.
/// </summary>
internal static class SwitchboardProcess
{
    public static async Task<ProcessOutcome> RunAsync(IEnumerable<string> args, TimeSpan? patience = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "switchboard.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(key => key.StartsWith("SWITCHBOARD_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("switchboard did not exit: " + await output + await error);
        }

        return new ProcessOutcome(process.ExitCode, await output, await error);
    }
}
