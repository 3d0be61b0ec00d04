using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Media.Tests.Audio;

/// <summary>
/// An audio server on a bare <see cref="TcpListener"/> on 127.0.0.1 that answers every GET <c>HTTP/1.0 200 OK</c> with
/// <see cref="AudioTestServer.ShortWav"/>, a Content-Length and no keep-alive, and closes the connection
/// <see cref="CloseAfter"/> later without reading anything more, as an HTTP/1.0 server does (RFC 1945 §1.3).
/// </summary>
internal sealed class Http10AudioServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];
    private int _requests;

    public Http10AudioServer(TimeSpan closeAfter)
    {
        CloseAfter = closeAfter;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public TimeSpan CloseAfter { get; }

    /// <summary>Requests read whole.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

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
                if (!await ReadHeadAsync(stream, _stop.Token))
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                var wav = AudioTestServer.ShortWav;
                var head = $"HTTP/1.0 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: {wav.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(wav, _stop.Token);
                await Task.Delay(CloseAfter, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The client went away or the test ended: either way this connection is done.
            }
        }
    }

    /// <summary>Reads a GET's head (it has no body); false when the client closed first.</summary>
    private static async Task<bool> ReadHeadAsync(NetworkStream stream, CancellationToken token)
    {
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, token);
            if (read == 0)
            {
                return false;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return true;
    }
}
