using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Testing.Http;

/// <summary>
/// An HTTP server written on a bare <see cref="TcpListener"/> on 127.0.0.1, so a test controls the wire: the status
/// line's version, whether the connection is closed after each answer (as an HTTP/1.0 server such as Python's
/// <c>http.server</c> does, a moment after answering), servers that drop a connection without answering, and answers
/// larger than a client should read. It answers every path alike.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private const string Json = "application/json";
    private static readonly byte[] EmptyList = "[]"u8.ToArray();

    private readonly LoopbackTcpServer _server;
    private int _requests;
    private long _bodyBytesSent;

    private RawHttpServer(Func<RawHttpServer, NetworkStream, CancellationToken, Task> answer) =>
        _server = new LoopbackTcpServer((stream, token) => answer(this, stream, token));

    public Uri Url => new(UrlOf("/"));

    /// <summary>Requests read whole.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Connections accepted.</summary>
    public int Connections => _server.Accepted;

    /// <summary>Body bytes of <see cref="Large"/> written before the client stopped reading or closed.</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    public string UrlOf(string path) => $"http://127.0.0.1:{_server.Port}{path}";

    /// <summary>
    /// Answers each request <c>HTTP/1.0 200 OK</c> with <paramref name="body"/> (<c>[]</c> unless given), a
    /// Content-Length and no keep-alive, then closes the connection after <paramref name="closeAfter"/> without reading
    /// anything more (a request sent meanwhile is answered by a reset).
    /// </summary>
    public static RawHttpServer Http10(TimeSpan closeAfter, byte[]? body = null, string contentType = Json) =>
        ClosingAfterEachAnswer("HTTP/1.0", string.Empty, closeAfter, body ?? EmptyList, contentType);

    /// <summary>The same with an empty body, which frees the connection for the pool as soon as the head is parsed.</summary>
    public static RawHttpServer Http10Empty(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.0", string.Empty, closeAfter, [], Json);

    /// <summary>An HTTP/1.0 server that answers <c>Connection: keep-alive</c> and keeps each connection (RFC 9112 §9.3).</summary>
    public static RawHttpServer Http10KeepAlive() => Persistent("HTTP/1.0", "Connection: keep-alive\r\n");

    /// <summary>HTTP/1.1 with <c>Connection: close</c>, closing after <paramref name="closeAfter"/>.</summary>
    public static RawHttpServer Http11Closing(TimeSpan closeAfter) => ClosingAfterEachAnswer("HTTP/1.1", "Connection: close\r\n", closeAfter, EmptyList, Json);

    /// <summary>
    /// HTTP/1.1 whose answer (<paramref name="body"/>, <c>[]</c> unless given) promises a persistent connection that the
    /// server then drops: a server that restarted, or an idle timeout that struck as the client reused the connection.
    /// </summary>
    public static RawHttpServer Http11Dropping(TimeSpan closeAfter, byte[]? body = null) =>
        ClosingAfterEachAnswer("HTTP/1.1", string.Empty, closeAfter, body ?? EmptyList, Json);

    /// <summary>An HTTP/1.1 server that keeps each connection for as many requests as the client sends on it.</summary>
    public static RawHttpServer KeepAlive() => Persistent("HTTP/1.1", string.Empty);

    /// <summary>Reads each request and closes the connection without answering.</summary>
    public static RawHttpServer Silent() => new(async (server, stream, token) => await server.ReadRequestAsync(stream, token));

    /// <summary>
    /// Answers <c>HTTP/1.1 200 OK</c> with a body of <paramref name="bodyBytes"/> written in 64 KiB chunks as the client
    /// reads them; <paramref name="announceLength"/> says whether a Content-Length is sent (else the body ends at close).
    /// </summary>
    public static RawHttpServer Large(long bodyBytes, bool announceLength) => new(async (server, stream, token) =>
    {
        if (!await server.ReadRequestAsync(stream, token))
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
            Interlocked.Add(ref server._bodyBytesSent, size);
            chunk[0] = (byte)' ';
        }
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static RawHttpServer Persistent(string version, string headers) => new(async (server, stream, token) =>
    {
        while (await server.ReadRequestAsync(stream, token))
        {
            await WriteAnswerAsync(stream, version, headers, EmptyList, Json, token);
        }
    });

    private static RawHttpServer ClosingAfterEachAnswer(string version, string headers, TimeSpan closeAfter, byte[] body, string contentType) =>
        new(async (server, stream, token) =>
        {
            if (!await server.ReadRequestAsync(stream, token))
            {
                return;
            }

            await WriteAnswerAsync(stream, version, headers, body, contentType, token);
            await Task.Delay(closeAfter, token);
        });

    private static async Task WriteAnswerAsync(NetworkStream stream, string version, string headers, byte[] body, string contentType, CancellationToken token)
    {
        var head = $"{version} 200 OK\r\nContent-Type: {contentType}\r\n{headers}Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        byte[] answer = [.. Encoding.ASCII.GetBytes(head), .. body];
        await stream.WriteAsync(answer, token);
    }

    /// <summary>Reads one request's head and its Content-Length body; false when the client closed first.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        if (await HttpRequestReader.ReadAsync(stream, [], token) is null)
        {
            return false;
        }

        Interlocked.Increment(ref _requests);
        return true;
    }
}
