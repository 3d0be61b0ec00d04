using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Webhooks.Tests.Support;

/// <summary>
/// A webhook receiver written on a bare <see cref="TcpListener"/> on 127.0.0.1, so a test controls the wire: the
/// status line's version, whether the connection is closed after each answer (as an HTTP/1.0 server such as
/// Python's <c>http.server</c> does, a moment after answering), and answers larger than a client should read.
/// </summary>
internal sealed class RawHttpReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RawHttpReceiver, NetworkStream, CancellationToken, Task> _answer;
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private int _requests;
    private int _accepted;
    private long _bodyBytesSent;

    private RawHttpReceiver(Func<RawHttpReceiver, NetworkStream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

    /// <summary>Requests read whole.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Connections accepted.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>Body bytes the receiver managed to write before the client stopped reading or closed.</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    /// <summary>
    /// Answers each request <c>HTTP/1.0 200 OK</c> with a Content-Length and no keep-alive, then closes the connection
    /// after <paramref name="closeAfter"/> without reading anything more (a request sent meanwhile is answered by a reset).
    /// </summary>
    public static RawHttpReceiver Http10(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.0", closeAfter);

    /// <summary>
    /// The same in HTTP/1.1, where the answer promises a persistent connection that the server then drops: a server
    /// that restarted, or an idle timeout that struck as the client reused the connection.
    /// </summary>
    public static RawHttpReceiver Http11Dropping(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.1", closeAfter);

    /// <summary>An HTTP/1.1 server that keeps each connection for as many requests as the client sends on it.</summary>
    public static RawHttpReceiver KeepAlive() => new(async (receiver, stream, token) =>
    {
        while (await receiver.ReadRequestAsync(stream, token))
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]"u8.ToArray(), token);
        }
    });

    /// <summary>Reads each request and closes the connection without answering.</summary>
    public static RawHttpReceiver Silent() => new(async (receiver, stream, token) => await receiver.ReadRequestAsync(stream, token));

    private static RawHttpReceiver ClosingAfterEachAnswer(string version, TimeSpan closeAfter) => new(async (receiver, stream, token) =>
    {
        if (!await receiver.ReadRequestAsync(stream, token))
        {
            return;
        }

        var body = """[{"verb":"hangup"}]"""u8.ToArray();
        var head = $"{version} 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
        await stream.WriteAsync(body, token);
        await Task.Delay(closeAfter, token);
    });

    /// <summary>
    /// Answers <c>HTTP/1.1 200 OK</c> with a body of <paramref name="bodyBytes"/> written in 64 KiB chunks as the client
    /// reads them; <paramref name="announceLength"/> says whether a Content-Length is sent (else the body ends at close).
    /// </summary>
    public static RawHttpReceiver Large(long bodyBytes, bool announceLength) => new(async (receiver, stream, token) =>
    {
        if (!await receiver.ReadRequestAsync(stream, token))
        {
            return;
        }

        var length = announceLength ? $"Content-Length: {bodyBytes.ToString(CultureInfo.InvariantCulture)}\r\n" : "Connection: close\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{length}\r\n"), token);
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        chunk[0] = (byte)'[';
        for (long sent = 0; sent < bodyBytes;)
        {
            var size = (int)Math.Min(chunk.Length, bodyBytes - sent);
            await stream.WriteAsync(chunk.AsMemory(0, size), token);
            sent += size;
            Interlocked.Add(ref receiver._bodyBytesSent, size);
            chunk[0] = (byte)' ';
        }
    });

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
