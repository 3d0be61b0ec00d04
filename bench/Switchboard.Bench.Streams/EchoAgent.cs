using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Switchboard.Bench.Media;

namespace Switchboard.Bench.Streams;

/// <summary>
/// The agents: one Kestrel WebSocket server whose every connection sends each binary frame straight back (jambonz
/// streaming mode), noting when a frame carries the caller's pulse: that is when it reached the agent, and when its
/// echo left. With <c>speechOnly</c> it sends back only the loud frames, as a voice agent sends speech and nothing
/// between: each echo is then a talkspurt after a silence.
/// </summary>
internal sealed class EchoAgent(Stamps stamps, bool speechOnly) : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/agent", ServeAsync);
        await _app.StartAsync();
        Port = new Uri(_app.Urls.First()).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync(context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault());
        var buffer = new byte[16 * 1024];
        var stream = -1;
        var quiet = true;
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                if (received.MessageType == WebSocketMessageType.Text)
                {
                    stream = JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.GetProperty("stream").GetInt32();
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                var loud = false;
                for (var i = 0; i + 1 < received.Count; i += 2)
                {
                    loud |= Math.Abs((int)BitConverter.ToInt16(buffer, i)) > 4000;
                }

                if (loud && quiet && stream >= 0)
                {
                    if (stamps.Measuring && Volatile.Read(ref stamps.CallerSent[stream]) is var sent and > 0)
                    {
                        lock (stamps.CallerToAgent)
                        {
                            stamps.CallerToAgent.Add((now - sent) * 1_000_000.0 / Stopwatch.Frequency);
                        }
                    }

                    Volatile.Write(ref stamps.AgentEchoed[stream], Stopwatch.GetTimestamp());
                }

                quiet = !loud;
                if (speechOnly && !loud)
                {
                    continue;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Binary, true, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
