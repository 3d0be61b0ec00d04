using System.Diagnostics;
using System.Globalization;

namespace Switchboard.Bench.Sip;

/// <summary>
/// One SIPp running a built-in scenario on 127.0.0.1, writing its statistics (<c>-trace_stat</c>) every second to a
/// CSV in the run's directory; its screen output is kept to show when a run fails.
/// </summary>
internal sealed class SippProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;
    private readonly string _statisticsPath;

    private SippProcess(Process process, string commandLine, string statisticsPath)
    {
        _process = process;
        CommandLine = commandLine;
        _statisticsPath = statisticsPath;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The command as one would type it in the run's directory.</summary>
    public string CommandLine { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>sipp -sn <paramref name="scenario"/></c> on <paramref name="port"/> with its statistics in <paramref name="directory"/>.</summary>
    public static SippProcess Start(string scenario, int port, string directory, IEnumerable<string> arguments)
    {
        var statisticsFile = scenario + ".csv";
        IEnumerable<string> all =
        [
            "-sn", scenario, "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "-nostdin", "-trace_stat", "-stf", statisticsFile, "-fd", "1", .. arguments,
        ];
        var start = new ProcessStartInfo("sipp")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
        return new SippProcess(process, "sipp " + string.Join(' ', all), Path.Combine(directory, statisticsFile));
    }

    /// <summary>What SIPp has written so far; null before its first line of figures.</summary>
    public SippStatistics? ReadStatistics() => SippStatistics.TryRead(_statisticsPath);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>The end of what SIPp printed, for a run that went wrong.</summary>
    public async Task<string> OutputTailAsync()
    {
        var output = await _output;
        return output[^Math.Min(3000, output.Length)..] + await _errors;
    }

    /// <summary>Ends a SIPp that runs until stopped (a <c>uas</c> has no call count) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
