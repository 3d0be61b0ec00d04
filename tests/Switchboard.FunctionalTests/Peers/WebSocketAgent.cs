using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// A voice agent inside the test: a WebSocket server on 127.0.0.1 (Kestrel) that accepts a media stream, keeps every
/// text message and the binary audio it hears, and runs the test's behaviour on each connection.
/// </summary>
internal sealed class WebSocketAgent : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AgentConnection> _connections = new();
    private readonly TaskCompletionSource<AgentConnection> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebSocketAgent(WebApplication app, int port, Func<AgentConnection, Task> behaviour)
    {
        _app = app;
        Port = port;
        app.UseWebSockets();
        app.Map("/agent", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            var protocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault();
            using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
            var connection = new AgentConnection(socket, context.Request.Headers.Authorization.ToString(), protocol);
            _connections.Enqueue(connection);
            _first.TrySetResult(connection);
            var reading = connection.ReadAllAsync();
            await behaviour(connection);
            await reading;
        });
    }

    public int Port { get; }

    public string Url => $"ws://127.0.0.1:{Port}/agent";

    public Task<AgentConnection> FirstConnection => _first.Task;

    public static async Task<WebSocketAgent> StartAsync(Func<AgentConnection, Task> behaviour)
    {
        var port = FreePort.Udp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var agent = new WebSocketAgent(builder.Build(), port, behaviour);
        await agent._app.StartAsync();
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One stream as the agent sees it.</summary>
internal sealed class AgentConnection(WebSocket socket, string authorization, string? protocol)
{
    private readonly List<JsonElement> _texts = [];
    private readonly MemoryStream _audio = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);

    public string Authorization => authorization;

    public string? Protocol => protocol;

    /// <summary>Completes when Switchboard closed the stream (or the connection broke).</summary>
    public Task Closed => _closed.Task;

    public IReadOnlyList<JsonElement> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    /// <summary>The binary audio heard so far, as 16-bit samples (one channel).</summary>
    public short[] Audio
    {
        get
        {
            lock (_audio)
            {
                var bytes = _audio.ToArray();
                var samples = new short[bytes.Length / 2];
                Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
                return samples;
            }
        }
    }

    public async Task<JsonElement> WaitForTextAsync(Func<JsonElement, bool> match, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            if (Texts.FirstOrDefault(match) is { ValueKind: not JsonValueKind.Undefined } found)
            {
                return found;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task WaitUntilAsync(Func<AgentConnection, bool> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!condition(this))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public Task SendTextAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] data) => SendAsync(data, WebSocketMessageType.Binary);

    public async Task CloseAsync()
    {
        await _sending.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    internal async Task ReadAllAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    lock (_audio)
                    {
                        _audio.Write(buffer, 0, received.Count);
                    }

                    continue;
                }

                text.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    var message = JsonDocument.Parse(text.ToArray()).RootElement.Clone();
                    text.SetLength(0);
                    lock (_texts)
                    {
                        _texts.Add(message);
                    }
                }
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    private async Task SendAsync(byte[] data, WebSocketMessageType type)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(data, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }
}
