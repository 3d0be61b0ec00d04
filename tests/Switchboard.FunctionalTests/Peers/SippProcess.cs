using System.Diagnostics;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// A real SIPp run by the test on 127.0.0.1 with one of the scenarios under <c>Scenarios/</c>. It handles one
/// call (<c>-m 1</c>, or as many as the test asks) and exits; its exit code says whether the scenario ran as written.
/// </summary>
internal sealed class SippProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippProcess(Process process, int port, string messageLog)
    {
        _process = process;
        Port = port;
        MessageLog = messageLog;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The SIP port SIPp listens on.</summary>
    public int Port { get; }

    public string Uri => $"sip:127.0.0.1:{Port}";

    /// <summary>Every SIP message SIPp sent and received, as text (SIPp's <c>-trace_msg</c>).</summary>
    public string MessageLog { get; }

    /// <summary>The messages SIPp has logged so far.</summary>
    public string Messages() => File.Exists(MessageLog) ? File.ReadAllText(MessageLog) : string.Empty;

    /// <summary>
    /// The Call-IDs of the INVITEs SIPp has received, each once: one per call placed to it. A retransmission (the
    /// INVITE sent again while SIPp was slow to answer on a loaded machine, RFC 3261 §17.1.1.2) is the same call.
    /// </summary>
    public IReadOnlySet<string> InvitedCallIds()
    {
        var callIds = new HashSet<string>(StringComparer.Ordinal);
        var inInvite = false;
        foreach (var line in Messages().Split('\n'))
        {
            if (line.StartsWith("INVITE ", StringComparison.Ordinal))
            {
                inInvite = true;
            }
            else if (inInvite && (line.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("i:", StringComparison.Ordinal)))
            {
                callIds.Add(line[(line.IndexOf(':') + 1)..].Trim());
                inInvite = false;
            }
        }

        return callIds;
    }

    /// <summary>Starts SIPp as a callee (UAS) with <paramref name="scenario"/>; keys become <c>[name]</c> in the scenario.</summary>
    /// <param name="calls">How many calls SIPp takes before it exits (each runs the scenario).</param>
    public static Task<SippProcess> StartCalleeAsync(string scenario, IReadOnlyDictionary<string, string>? keys = null, int calls = 1) =>
        StartAsync(scenario, keys, [], calls);

    /// <summary>
    /// Starts SIPp as a caller (UAC) that places one call with <paramref name="scenario"/> to <paramref name="target"/>;
    /// <paramref name="dialled"/> becomes <c>[service]</c>, the Request-URI's user part.
    /// </summary>
    public static Task<SippProcess> StartCallerAsync(string scenario, System.Net.IPEndPoint target, string dialled, IReadOnlyDictionary<string, string>? keys = null) =>
        StartAsync(scenario, keys, ["-s", dialled, target.ToString()]);

    private static async Task<SippProcess> StartAsync(string scenario, IReadOnlyDictionary<string, string>? keys, string[] extraArguments, int calls = 1)
    {
        var port = FreePort.Udp();
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        var scenarioPath = Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);
        var messageLog = Path.Combine(Path.GetTempPath(), $"sipp-{Guid.NewGuid():N}.log");
        foreach (var arg in new[] { "-sf", scenarioPath, "-i", "127.0.0.1", "-p", port.ToString(), "-mp", FreePort.Udp().ToString(), "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nostdin", "-timeout", "60s", "-timeout_error", "-nd", "-trace_msg", "-message_file", messageLog })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in keys ?? new Dictionary<string, string>())
        {
            info.ArgumentList.Add("-key");
            info.ArgumentList.Add(name);
            info.ArgumentList.Add(value);
        }

        foreach (var arg in extraArguments)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        var sipp = new SippProcess(process, port, messageLog);
        // SIPp binds before it reads the scenario's first recv; give it a moment to be ready.
        await Task.Delay(300);
        if (process.HasExited && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sipp exited at once ({process.ExitCode}): {await sipp._stderr}{await sipp._stdout}");
        }

        return sipp;
    }

    /// <summary>Waits for SIPp to finish its one call; returns its exit code (0: the scenario passed).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sipp did not finish within {timeout}: {await OutputAsync()}");
        }

        return _process.ExitCode;
    }

    public async Task<string> OutputAsync()
    {
        if (!_process.HasExited)
        {
            return "(still running)";
        }

        return (await _stdout)[^Math.Min(2000, (await _stdout).Length)..] + await _stderr;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(MessageLog);
    }
}
