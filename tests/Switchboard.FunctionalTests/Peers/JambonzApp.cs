using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// The jambonz application in tests/jambonz-app, run with Node: written with jambonz's own client library
/// (<c>@jambonz/node-client</c>), it verifies every webhook's <c>Jambonz-Signature</c> with that library's middleware
/// and answers with verbs its <c>WebhookResponse</c> built. Each webhook it accepted, or refused, is one JSON line
/// on its standard output.
/// </summary>
internal sealed class JambonzApp : IAsyncDisposable
{
    private readonly Process _node;
    private readonly ConcurrentQueue<JsonElement> _lines = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reading;

    private readonly ConcurrentQueue<string> _errors = new();

    private JambonzApp(Process node)
    {
        _node = node;
        _node.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _errors.Enqueue(line.Data);
            }
        };
        _node.BeginErrorReadLine();
        _reading = ReadAsync();
    }

    public int Port { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>Every line so far: <c>{path, body}</c> for a webhook whose signature verified, <c>{path, error}</c> for one refused.</summary>
    public IReadOnlyList<JsonElement> Lines => [.. _lines];

    /// <summary>The webhook application, app.js, on a port of its own, verifying signatures with the account's secret.</summary>
    public static async Task<JambonzApp> StartAsync(string webhookSecret)
    {
        var app = Run("app.js", new Dictionary<string, string> { ["PORT"] = "0", ["WEBHOOK_SECRET"] = webhookSecret });
        var listening = await app.WaitForAsync(line => line.TryGetProperty("listening", out _), TimeSpan.FromSeconds(20));
        app.Port = listening.GetProperty("listening").GetInt32();
        return app;
    }

    /// <summary>Another script of the app's directory (rest.js drives the REST API with the client library), given its settings.</summary>
    public static JambonzApp Run(string script, IReadOnlyDictionary<string, string> environment)
    {
        var directory = FindAppDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@jambonz", "node-client")))
        {
            throw new InvalidOperationException($"the jambonz test app's packages are not installed: run `npm ci --prefix {directory}` (./test does)");
        }

        var info = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new JambonzApp(Process.Start(info) ?? throw new InvalidOperationException("node did not start"));
    }

    /// <summary>The script's exit code, once it has ended by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _node.WaitForExitAsync(cancel.Token);
        await _reading;
        return _node.ExitCode;
    }

    /// <summary>The first line that matches, waiting for it if needed.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var line in _lines)
            {
                if (match(line))
                {
                    return line;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"no matching line from the jambonz app within {timeout}; it wrote: {string.Join(" | ", _lines.Select(l => l.GetRawText()))}; errors: {string.Join(" | ", _errors)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
        }

        await _node.WaitForExitAsync();
        await _reading;
        _node.Dispose();
    }

    /// <summary>tests/jambonz-app, found from the test assembly's directory up.</summary>
    private static string FindAppDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "jambonz-app");
            if (File.Exists(Path.Combine(candidate, "app.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/jambonz-app not found above " + AppContext.BaseDirectory);
    }

    private async Task ReadAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{'))
            {
                _lines.Enqueue(JsonDocument.Parse(line).RootElement.Clone());
                _arrived.Release();
            }
        }
    }
}
