using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Server.Tests.Process;

/// <summary>The real server program running in the background, as <c>./run</c> starts it, for signal tests.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();

    private RunningServer(System.Diagnostics.Process process, int httpPort, string? apiKey)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        if (apiKey is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

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

    /// <summary>
    /// Starts <c>switchboard</c> with <paramref name="args"/> and waits until <c>/health</c> answers; without
    /// <paramref name="apiKey"/> the server makes one at its first start.
    /// </summary>
    public static async Task<RunningServer> StartAsync(int httpPort, string? apiKey, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "switchboard.dll"));
        foreach (var arg in args.Concat(["--http", $"127.0.0.1:{httpPort}"]).Concat(apiKey is null ? [] : ["--api-key", apiKey]))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(key => key.StartsWith("SWITCHBOARD_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        var server = new RunningServer(System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), httpPort, apiKey);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30) && !server.HasExited)
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
        throw new InvalidOperationException("the server did not start: " + output);
    }

    /// <summary>Sends SIGTERM, as a service manager (or a second terminal's <c>kill</c>) does.</summary>
    public async Task TerminateAsync()
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the exit and returns its code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until the server has printed <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan patience)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > patience)
            {
                throw new TimeoutException($"'{text}' was not printed:\n{Output}");
            }

            await Task.Delay(50);
        }
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
