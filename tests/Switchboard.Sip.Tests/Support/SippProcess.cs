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

    public bool IsTcp { get; private init; }

    public string Target(string user = "bob") => IsTcp ? $"sip:{user}@127.0.0.1:{Port};transport=tcp" : $"sip:{user}@127.0.0.1:{Port}";

    /// <summary>Starts SIPp as a UAS with a scenario from Scenarios/, over UDP or TCP (<c>-t t1</c>), waiting until it holds its port.</summary>
    public static Task<SippProcess> StartAsync(string scenario, CancellationToken cancellationToken, bool tcp = false) =>
        StartCoreAsync(["-sf", ScenarioPath(scenario)], waitForBind: true, tcp, cancellationToken);

    /// <summary>
    /// Starts SIPp as a UAC calling <paramref name="target"/> with a scenario from Scenarios/, or with a built-in one
    /// when <paramref name="scenario"/> has no .xml extension (e.g. <c>uac</c>). <paramref name="service"/> is the
    /// user part it dials.
    /// </summary>
    public static Task<SippProcess> StartClientAsync(string scenario, IPEndPoint target, CancellationToken cancellationToken, string service = "+15550123", bool tcp = false)
    {
        string[] source = scenario.EndsWith(".xml", StringComparison.Ordinal) ? ["-sf", ScenarioPath(scenario)] : ["-sn", scenario];
        return StartCoreAsync([.. source, "-s", service, $"{target.Address}:{target.Port}"], waitForBind: false, tcp, cancellationToken);
    }

    static string ScenarioPath(string scenario) => Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);

    static async Task<SippProcess> StartCoreAsync(string[] scenarioArgs, bool waitForBind, bool tcp, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in scenarioArgs.Concat(["-i", "127.0.0.1", "-p", port.ToString(), "-t", tcp ? "t1" : "u1", "-m", "1", "-nostdin", "-timeout", "14s", "-timeout_error", "-nd"]))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        var sipp = new SippProcess(process, port) { IsTcp = tcp };
        process.OutputDataReceived += (_, e) => sipp.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sipp.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // SIPp is ready once it holds the port.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (waitForBind && !IsBound(port, tcp))
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

    /// <summary>A loopback port free for both UDP and TCP, so either kind of SIPp can take it.</summary>
    static int FreePort()
    {
        while (true)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            if (!IsBound(port, tcp: true))
            {
                return port;
            }
        }
    }

    static bool IsBound(int port, bool tcp)
    {
        try
        {
            using var socket = tcp
                ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
