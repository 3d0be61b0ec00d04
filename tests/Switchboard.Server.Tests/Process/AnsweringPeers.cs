using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Server.Tests.Process;

/// <summary>SIPp's built-in answerer (<c>-sn uas</c>) for one call on a free UDP port: it answers and waits for our BYE.</summary>
internal sealed class SippAnswerer : IDisposable
{
    private readonly System.Diagnostics.Process _process;

    private SippAnswerer(System.Diagnostics.Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public static SippAnswerer Start()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var info = new ProcessStartInfo("sipp", ["-sn", "uas", "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-m", "1", "-nostdin"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SippAnswerer(process, port);
    }

    /// <summary>Waits until SIPp has seen its one call end.</summary>
    public async Task WaitForCallEndAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
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

/// <summary>
/// A webhook receiver (or an OTLP/HTTP collector) that answers 503 to its first <c>failFirst</c> requests, 200 to the
/// rest, and keeps what each request's path received.
/// </summary>
internal sealed class CountingReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _received;

    private readonly int _failFirst;
    private readonly List<(string Path, byte[] Body)> _bodies = [];
    private readonly List<string> _traceParents = [];

    public CountingReceiver(int failFirst = 0)
    {
        _failFirst = failFirst;
        Port = FreePorts.Tcp();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public int Received => Volatile.Read(ref _received);

    /// <summary>The bodies of the requests to <paramref name="path"/> so far.</summary>
    public IReadOnlyList<byte[]> BodiesOf(string path)
    {
        lock (_bodies)
        {
            return [.. _bodies.Where(request => request.Path == path).Select(request => request.Body)];
        }
    }

    /// <summary>The W3C <c>traceparent</c> headers of the requests so far.</summary>
    public IReadOnlyList<string> TraceParents
    {
        get
        {
            lock (_bodies)
            {
                return [.. _traceParents];
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _ = _serving.Exception;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_bodies)
            {
                _bodies.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
                if (context.Request.Headers["traceparent"] is { } traceParent)
                {
                    _traceParents.Add(traceParent);
                }
            }

            context.Response.StatusCode = Interlocked.Increment(ref _received) <= _failFirst ? 503 : 200;
            context.Response.Close();
        }
    }
}
