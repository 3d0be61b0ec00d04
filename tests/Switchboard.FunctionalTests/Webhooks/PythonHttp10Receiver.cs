using System.Collections.Concurrent;
using System.Diagnostics;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>
/// An application written the way many small ones are: Python's <c>http.server</c> (a
/// <c>ThreadingHTTPServer</c>, as <c>python3 -m http.server</c> runs, with a <c>BaseHTTPRequestHandler</c>) speaking
/// HTTP/1.0, so it closes each connection as soon as it has answered (RFC 1945 §1.3). Call hooks (<c>/call</c>) are
/// answered with <see cref="Verbs"/>, status hooks (<c>/status</c>) with an empty 200; every webhook read is recorded
/// as its path, call sid and call status.
/// </summary>
internal sealed class PythonHttp10Receiver : IAsyncDisposable
{
    /// <summary>What a call does: answer (pause needs the media), hold a second, hang up.</summary>
    public const string Verbs = """[{"verb": "pause", "length": 1}, {"verb": "hangup"}]""";

    private const string Script = """
        import json, sys, threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        VERBS = sys.argv[1].encode()
        printing = threading.Lock()

        class Receiver(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                path = self.path.split("?")[0]
                answer = VERBS if path == "/call" else b""
                # Recorded before answering, so one call's webhooks are recorded in the order they were sent.
                with printing:
                    sys.stdout.write(f"{path} {body.get('call_sid')} {body.get('call_status')}\n")
                    sys.stdout.flush()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        sys.stdout.write(f"listening {server.server_address[1]}\n")
        sys.stdout.flush()
        server.serve_forever()
        """;

    private readonly Process _process;
    private readonly ConcurrentQueue<(string Path, string CallSid, string Status)> _received = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PythonHttp10Receiver(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.BeginOutputReadLine();
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Webhooks read so far, in the order they were read.</summary>
    public IReadOnlyList<(string Path, string CallSid, string Status)> Received => [.. _received];

    public string Url(string path) => BaseUrl + path;

    public static async Task<PythonHttp10Receiver> StartAsync()
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(Verbs);
        var receiver = new PythonHttp10Receiver(Process.Start(info) ?? throw new InvalidOperationException("python3 did not start"));
        var port = await receiver._port.Task.WaitAsync(TimeSpan.FromSeconds(10));
        receiver.BaseUrl = $"http://127.0.0.1:{port}";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _port.TrySetException(new InvalidOperationException("python3 exited before it listened"));
            return;
        }

        var fields = line.Split(' ');
        if (fields is ["listening", var port])
        {
            _port.TrySetResult(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (fields.Length == 3)
        {
            _received.Enqueue((fields[0], fields[1], fields[2]));
        }
    }
}
