using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Foundation.Tests.Support;

/// <summary>
/// An HTTP server written on a bare <see cref="TcpListener"/> on 127.0.0.1, so a test controls the wire: the status
/// line's version, whether the connection is closed after each answer (as an HTTP/1.0 server such as Python's
/// <c>http.server</c> does), and servers that drop a connection without answering.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private static readonly byte[] Body = "[]"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RawHttpServer, NetworkStream, CancellationToken, Task> _answer;
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private int _requests;
    private int _accepted;

    private RawHttpServer(Func<RawHttpServer, NetworkStream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/audio");

    /// <summary>Requests read whole.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Connections accepted.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>
    /// Answers each request <c>HTTP/1.0 200 OK</c> with a Content-Length and no keep-alive, then closes the connection
    /// after <paramref name="closeAfter"/> without reading anything more (a request sent meanwhile is answered by a reset).
    /// </summary>
    public static RawHttpServer Http10(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.0", string.Empty, closeAfter);

    /// <summary>The same with an empty body, which frees the connection for the pool as soon as the head is parsed.</summary>
    public static RawHttpServer Http10Empty(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.0", string.Empty, closeAfter, []);

    /// <summary>An HTTP/1.0 server that answers <c>Connection: keep-alive</c> and keeps each connection (RFC 9112 §9.3).</summary>
    public static RawHttpServer Http10KeepAlive() => new(async (server, stream, token) =>
    {
        while (await server.ReadRequestAsync(stream, token))
        {
            await WriteAnswerAsync(stream, "HTTP/1.0", "Connection: keep-alive\r\n", Body, token);
        }
    });

    /// <summary>The same in HTTP/1.1 with <c>Connection: close</c>, closing after <paramref name="closeAfter"/>.</summary>
    public static RawHttpServer Http11Closing(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.1", "Connection: close\r\n", closeAfter);

    /// <summary>
    /// HTTP/1.1 whose answer promises a persistent connection that the server then drops: a server that restarted, or
    /// an idle timeout that struck as the client reused the connection.
    /// </summary>
    public static RawHttpServer Http11Dropping(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.1", string.Empty, closeAfter);

    /// <summary>An HTTP/1.1 server that keeps each connection for as many requests as the client sends on it.</summary>
    public static RawHttpServer KeepAlive() => new(async (server, stream, token) =>
    {
        while (await server.ReadRequestAsync(stream, token))
        {
            await WriteAnswerAsync(stream, "HTTP/1.1", string.Empty, Body, token);
        }
    });

    /// <summary>Reads each request and closes the connection without answering.</summary>
    public static RawHttpServer Silent() => new(async (server, stream, token) => await server.ReadRequestAsync(stream, token));

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

    private static RawHttpServer ClosingAfterEachAnswer(string version, string headers, TimeSpan closeAfter, byte[]? body = null) => new(async (server, stream, token) =>
    {
        if (!await server.ReadRequestAsync(stream, token))
        {
            return;
        }

        await WriteAnswerAsync(stream, version, headers, body ?? Body, token);
        await Task.Delay(closeAfter, token);
    });

    private static async Task WriteAnswerAsync(NetworkStream stream, string version, string headers, byte[] body, CancellationToken token)
    {
        var head = $"{version} 200 OK\r\nContent-Type: application/json\r\n{headers}Content-Length: {body.Length}\r\n\r\n";
        byte[] answer = [.. Encoding.ASCII.GetBytes(head), .. body];
        await stream.WriteAsync(answer, token);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
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
                await _answer(this, client.GetStream(), _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The client went away or the test ended: either way this connection is done.
            }
        }
    }

    /// <summary>Reads one request's head and its Content-Length body; false when the client closed first.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, token);
            if (read == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.Take(headEnd)]);
        var lengthLine = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        var have = received.Count - (headEnd + 4);
        while (have < length)
        {
            var read = await stream.ReadAsync(buffer, token);
            if (read == 0)
            {
                return false;
            }

            have += read;
        }

        Interlocked.Increment(ref _requests);
        return true;
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
