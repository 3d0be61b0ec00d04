using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// The real server as a separate process (<c>dotnet switchboard.dll</c> from the test's output, configured by
/// <c>SWITCHBOARD_*</c> variables like <c>./run</c>), so a test can kill it with SIGKILL and start it again on
/// the same data directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string ApiKey = "sb_process_test_key_0123456789";
    private static int _rtpBlock;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int httpPort, IPEndPoint sipEndPoint)
    {
        _process = process;
        SipEndPoint = sipEndPoint;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; }

    /// <summary>Where the server takes SIP over UDP.</summary>
    public IPEndPoint SipEndPoint { get; }

    /// <summary>What the server printed so far (for assertion messages).</summary>
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

    /// <summary>Starts the server and waits until <c>/health</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string defaultCarrier, IReadOnlyDictionary<string, string>? settings = null)
    {
        var httpPort = FreeTcpPort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "switchboard.dll"));
        info.Environment["SWITCHBOARD_HTTP"] = $"127.0.0.1:{httpPort}";
        var sipEndPoint = new IPEndPoint(IPAddress.Loopback, FreePort.Udp());
        info.Environment["SWITCHBOARD_SIP"] = sipEndPoint.ToString();
        // Each server process gets its own RTP block (tests run in parallel), apart from TestServer's 20000-29999.
        var block = Interlocked.Increment(ref _rtpBlock) % 10;
        info.Environment["SWITCHBOARD_RTP_PORTS"] = $"{30000 + (block * 200)}-{30000 + (block * 200) + 199}";
        info.Environment["SWITCHBOARD_DATA"] = dataDirectory;
        info.Environment["SWITCHBOARD_API_KEY"] = ApiKey;
        info.Environment["SWITCHBOARD_DEFAULT_CARRIER"] = defaultCarrier;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var server = new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), httpPort, sipEndPoint);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !server._process.HasExited)
        {
            try
            {
                if ((await server.Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var output = server.Output;
        await server.DisposeAsync();
        throw new InvalidOperationException("the server did not become healthy: " + output);
    }

    /// <summary><c>kill -9</c>: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
