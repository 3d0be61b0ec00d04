using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// An agent that accepts the WebSocket and then never reads: after the opening handshake (RFC 6455 §4.2.2) it
/// leaves every frame in the kernel. Its receive buffer is the smallest the kernel allows, so the sender's side fills
/// within seconds and the sender's writes stop completing, as with an agent whose process hangs.
/// </summary>
internal sealed class StallingAgent : IAsyncDisposable
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _upgraded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Socket? _connection;
    private Task _serving = Task.CompletedTask;

    public string Url => $"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/agent";

    /// <summary>Completes when a connection has been upgraded to a WebSocket.</summary>
    public Task Upgraded => _upgraded.Task;

    public static StallingAgent Start()
    {
        var agent = new StallingAgent();

        // Accepted sockets take the listener's buffer size, and it bounds the window the sender sees.
        agent._listener.Server.ReceiveBufferSize = 1024;
        agent._listener.Start();
        agent._serving = agent.ServeAsync();
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _connection?.Dispose();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        _connection = await _listener.AcceptSocketAsync(_stop.Token);
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await _connection.ReceiveAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var headers = request.ToString().Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(headers["Sec-WebSocket-Key"] + AcceptGuid)));
        var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {accept}\r\n"
            + (headers.TryGetValue("Sec-WebSocket-Protocol", out var protocols) ? $"Sec-WebSocket-Protocol: {protocols.Split(',')[0].Trim()}\r\n" : string.Empty)
            + "\r\n";
        await _connection.SendAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
        _upgraded.TrySetResult();
    }
}
