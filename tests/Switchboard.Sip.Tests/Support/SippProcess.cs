using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Sip.Tests.Support;

/// <summary>Runs one SIPp instance on 127.0.0.1 with a scenario from Scenarios/, for one call; killed on dispose.</summary>
sealed class SippProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    SippProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Target(string user = "bob") => $"sip:{user}@127.0.0.1:{Port}";

    /// <summary>Starts SIPp as a UAS with a scenario from Scenarios/, waiting until it holds its port.</summary>
    public static Task<SippProcess> StartAsync(string scenario, CancellationToken cancellationToken) =>
        StartCoreAsync(["-sf", ScenarioPath(scenario)], waitForBind: true, cancellationToken);

    /// <summary>
    /// Starts SIPp as a UAC calling <paramref name="target"/> with a scenario from Scenarios/, or with a built-in one
    /// when <paramref name="scenario"/> has no .xml extension (e.g. <c>uac</c>). <paramref name="service"/> is the
    /// user part it dials.
    /// </summary>
    public static Task<SippProcess> StartClientAsync(string scenario, IPEndPoint target, CancellationToken cancellationToken, string service = "+15550123", params string[] extra)
    {
        string[] source = scenario.EndsWith(".xml", StringComparison.Ordinal) ? ["-sf", ScenarioPath(scenario)] : ["-sn", scenario];
        return StartCoreAsync([.. source, "-s", service, .. extra, $"{target.Address}:{target.Port}"], waitForBind: false, cancellationToken);
    }

    static string ScenarioPath(string scenario) => Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);

    static async Task<SippProcess> StartCoreAsync(string[] scenarioArgs, bool waitForBind, CancellationToken cancellationToken)
    {
        var port = FreeUdpPort();
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in scenarioArgs.Concat(["-i", "127.0.0.1", "-p", port.ToString(), "-m", "1", "-nostdin", "-timeout", "14s", "-timeout_error", "-nd"]))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        var sipp = new SippProcess(process, port);
        process.OutputDataReceived += (_, e) => sipp.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sipp.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // SIPp is ready once it holds the port.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (waitForBind && !IsBound(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("sipp did not bind: " + sipp.Output);
            }

            await Task.Delay(20, cancellationToken);
        }

        return sipp;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    static bool IsBound(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
