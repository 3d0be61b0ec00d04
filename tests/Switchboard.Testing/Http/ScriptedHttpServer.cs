using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Testing.Http;

/// <summary>
/// An HTTP/1.1 server on a bare <see cref="TcpListener"/> on 127.0.0.1 that keeps every request it reads whole
/// (head and body, as sent on the wire) and answers each as the test scripts it, or not at all: a null answer
/// holds the connection open without a byte until the server is disposed (a service that accepts and hangs).
/// For tests that assert what a client sent, where <see cref="RawHttpServer"/> tests how it treats connections.
/// Bodies must come with a Content-Length.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RecordedHttpRequest, ScriptedHttpAnswer?> _answer;
    private readonly ConcurrentQueue<RecordedHttpRequest> _received = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private ScriptedHttpServer(Func<RecordedHttpRequest, ScriptedHttpAnswer?> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Requests read whole, in order.</summary>
    public IReadOnlyList<RecordedHttpRequest> Received => [.. _received];

    /// <summary>Answers each request with what <paramref name="answer"/> returns for it; null: no answer at all.</summary>
    public static ScriptedHttpServer Start(Func<RecordedHttpRequest, ScriptedHttpAnswer?> answer) => new(answer);

    /// <summary>Answers every request alike.</summary>
    public static ScriptedHttpServer Answering(ScriptedHttpAnswer answer) => new(_ => answer);

    /// <summary>Reads each request and never answers it.</summary>
    public static ScriptedHttpServer Hanging() => new(_ => null);

    /// <summary>Waits (in real time, up to <paramref name="within"/>) until <paramref name="count"/> requests have been read.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_received.Count} of {count} requests arrived within {within}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffered = new List<byte>();
                while (await ReadRequestAsync(stream, buffered, _stop.Token) is { } request)
                {
                    _received.Enqueue(request);
                    if (_answer(request) is not { } answer)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }
                    else
                    {
                        await WriteAnswerAsync(stream, answer, _stop.Token);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The client went away or the test ended: either way this connection is done.
            }
        }
    }

    private static async Task WriteAnswerAsync(NetworkStream stream, ScriptedHttpAnswer answer, CancellationToken token)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {answer.Status} {ReasonPhrase(answer.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {answer.ContentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {answer.Body.Length}\r\n");
        foreach (var header in answer.Headers)
        {
            head.Append(header).Append("\r\n");
        }

        byte[] bytes = [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. answer.Body];
        await stream.WriteAsync(bytes, token);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>One request, or null when the client closed first; bytes past it stay in <paramref name="buffered"/>.</summary>
    private static async Task<RecordedHttpRequest?> ReadRequestAsync(NetworkStream stream, List<byte> buffered, CancellationToken token)
    {
        var chunk = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffered)) < 0)
        {
            var read = await stream.ReadAsync(chunk, token);
            if (read == 0)
            {
                return null;
            }

            buffered.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. buffered.Take(headEnd)]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        var length = headers.TryGetValue("Content-Length", out var announced) ? int.Parse(announced, CultureInfo.InvariantCulture) : 0;
        while (buffered.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(chunk, token);
            if (read == 0)
            {
                return null;
            }

            buffered.AddRange(chunk.AsSpan(0, read));
        }

        var body = buffered.GetRange(headEnd + 4, length).ToArray();
        buffered.RemoveRange(0, headEnd + 4 + length);
        return new RecordedHttpRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
