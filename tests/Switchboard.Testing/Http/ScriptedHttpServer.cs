using System.Collections.Concurrent;
using System.Globalization;
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
    private readonly Func<RecordedHttpRequest, ScriptedHttpAnswer?> _answer;
    private readonly ConcurrentQueue<RecordedHttpRequest> _received = new();
    private readonly LoopbackTcpServer _server;

    private ScriptedHttpServer(Func<RecordedHttpRequest, ScriptedHttpAnswer?> answer)
    {
        _answer = answer;
        _server = new LoopbackTcpServer(ServeAsync);
    }

    public int Port => _server.Port;

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

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(NetworkStream stream, CancellationToken token)
    {
        var buffered = new List<byte>();
        while (await HttpRequestReader.ReadAsync(stream, buffered, token) is { } request)
        {
            _received.Enqueue(request);
            if (_answer(request) is not { } answer)
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            else
            {
                await WriteAnswerAsync(stream, answer, token);
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
}
