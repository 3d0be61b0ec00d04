using System.Collections.Concurrent;
using System.Diagnostics;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>
/// An application written the way many small ones are: Python's <c>http.server</c> (a
/// <c>ThreadingHTTPServer</c>, as <c>python3 -m http.server</c> runs, with a <c>BaseHTTPRequestHandler</c>) speaking
/// HTTP/1.0, so it closes each connection as soon as it has answered (RFC 1945 §1.3). Call hooks (<c>/call</c>) are
/// answered with the verbs it was started with, in which <c>$audio</c> stands for the call's own audio URL
/// (<c>/audio/{call_sid}.wav</c>, half a second of 8 kHz WAV, so no fetch is answered from the server's cache); status
/// hooks (<c>/status</c>) with an empty 200. Every webhook read is recorded as its path, call sid, call status and SIP
/// status and reason, every audio fetch as <c>/audio</c>, its call sid and <c>fetched</c>.
/// </summary>
internal sealed class PythonHttp10Receiver : IAsyncDisposable
{
    private const string Script = """
        import io, json, sys, threading, wave
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        VERBS = sys.argv[1]
        printing = threading.Lock()
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(8000)
            audio.writeframes(b"\0\0" * 4000)
        WAV = buffer.getvalue()

        def record(path, call_sid, status, detail=""):
            # Recorded before answering, so one call's webhooks are recorded in the order they were sent.
            with printing:
                sys.stdout.write(f"{path} {call_sid} {status} {detail}\n")
                sys.stdout.flush()

        class Receiver(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                path = self.path.split("?")[0]
                record(path, body.get("call_sid"), body.get("call_status"), f"{body.get('sip_status')} {body.get('sip_reason')}")
                audio = f"http://127.0.0.1:{self.server.server_address[1]}/audio/{body.get('call_sid')}.wav"
                self.answer("application/json", VERBS.replace("$audio", audio).encode() if path == "/call" else b"")

            def do_GET(self):
                record("/audio", self.path.split("?")[0].removeprefix("/audio/").removesuffix(".wav"), "fetched")
                self.answer("audio/wav", WAV)

            def answer(self, content_type, body):
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        sys.stdout.write(f"listening {server.server_address[1]}\n")
        sys.stdout.flush()
        server.serve_forever()
        """;

    private readonly Process _process;
    private readonly ConcurrentQueue<(string Path, string CallSid, string Status, string Detail)> _received = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PythonHttp10Receiver(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.BeginOutputReadLine();
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests read so far (webhooks and audio fetches), in the order they were read.</summary>
    public IReadOnlyList<(string Path, string CallSid, string Status, string Detail)> Received => [.. _received];

    public string Url(string path) => BaseUrl + path;

    /// <param name="verbs">The call hooks' answer, a jambonz verb list; <c>$audio</c> becomes the call's audio URL.</param>
    public static async Task<PythonHttp10Receiver> StartAsync(string verbs)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(verbs);
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

        var fields = line.Split(' ', 4);
        if (fields is ["listening", var port])
        {
            _port.TrySetResult(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (fields.Length == 4)
        {
            _received.Enqueue((fields[0], fields[1], fields[2], fields[3]));
        }
    }
}
