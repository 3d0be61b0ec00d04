using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Calls.Engine.Streams;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Media.Codecs;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Voice-agent media streams for real: a SIPp callee whose audio is the test's RTP socket, a jambonz application
/// that runs <c>listen</c>, and an agent (a WebSocket server in the test) that hears the callee and talks back, in
/// jambonz's wire format and in Twilio's.
/// </summary>
public sealed class ListenStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Jambonz_TheAgentHearsTheCallee_AndTheCalleeHearsTheAgentAtItsPitch_WithKeysMarksAndACleanClose()
    {
        await using var agent = await WebSocketAgent.StartAsync(async connection =>
        {
            // Once it has heard a second of the callee, the agent answers with a second of 600 Hz at 24 kHz, all at
            // once (a burst the playout must pace), then a mark, and closes after the key and the mark came back.
            await connection.WaitUntilAsync(c => c.Audio.Length >= 16000, Patience);
            await connection.SendBinaryAsync(Linear16(Tone(600, 24000, 24000)));
            await connection.SendTextAsync("""{"type": "mark", "data": {"name": "answered"}}""");
            await connection.WaitForTextAsync(t => t.TryGetProperty("type", out var type) && type.GetString() == "mark", Patience);
            await connection.WaitForTextAsync(t => t.TryGetProperty("event", out var e) && e.GetString() == "dtmf", Patience);
            await connection.CloseAsync();
        });
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "listen", "url": "{{{agent.Url}}}", "actionHook": "/listened", "sampleRate": 16000, "passDtmf": true,
                  "wsAuth": {"username": "bot", "password": "s3cret"}, "metadata": {"customer": "42"},
                  "bidirectionalAudio": {"enabled": true, "streaming": true, "sampleRate": 24000}},
                 {"verb": "hangup"}]
                """),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var sid = await PlaceAsync(server, CallRequest(hooks, callee));

        using var talking = new CancellationTokenSource(Patience);
        var connection = await agent.FirstConnection.WaitAsync(Patience);
        await rtp.SpeakAsync(PcmaFrames(Tone(1000, 8000, 8000 * 3)), payloadType: 8, frameMilliseconds: 20, talking.Token);
        await WaitForMarkAsync(connection);
        await rtp.SpeakAsync([[1, 0x80 | 10, 0x03, 0x20]], payloadType: 101, frameMilliseconds: 20, talking.Token);

        var listened = (await hooks.WaitForAsync(w => w.Path == "/listened", Patience)).Body;
        Assert.Equal("closed", listened.GetProperty("listen_status").GetString());
        Assert.Equal(sid, listened.GetProperty("call_sid").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        // The first text frame describes the call, with the verb's metadata; the handshake carried Basic auth.
        var metadata = connection.Texts[0];
        Assert.Equal(sid, metadata.GetProperty("callSid").GetString());
        Assert.Equal("in-progress", metadata.GetProperty("callStatus").GetString());
        Assert.Equal(16000, metadata.GetProperty("sampleRate").GetInt32());
        Assert.Equal("mono", metadata.GetProperty("mixType").GetString());
        Assert.Equal("42", metadata.GetProperty("customer").GetString());
        Assert.Equal("audio.jambonz.org", connection.Protocol);
        Assert.Equal("Basic " + Convert.ToBase64String("bot:s3cret"u8.ToArray()), connection.Authorization);

        // The callee's 1 kHz arrived at 16 kHz at the same pitch.
        Assert.InRange(Pitch(connection.Audio, 16000), 985, 1015);

        // The agent's 600 Hz reached the callee at its pitch, paced: about a second of it, not sped up.
        var agentFrames = RtpAnalysis.PacketFrequencies(rtp.Packets, payloadType: 8).Where(f => f is > 500 and < 700).ToArray();
        Assert.InRange(agentFrames.Length, 45, 52);
        Assert.InRange(RtpAnalysis.ToneFrequency(rtp.Packets, payloadType: 8), 590, 610);

        var mark = connection.Texts.Single(t => t.TryGetProperty("type", out var type) && type.GetString() == "mark");
        Assert.Equal(("answered", "playout"), (mark.GetProperty("data").GetProperty("name").GetString(), mark.GetProperty("data").GetProperty("event").GetString()));
        var key = connection.Texts.Single(t => t.TryGetProperty("event", out var e) && e.GetString() == "dtmf");
        Assert.Equal("1", key.GetProperty("dtmf").GetString());
    }

    [Fact]
    public async Task Jambonz_KillAudio_CutsALongPromptShort_AndDisconnectEndsTheVerb()
    {
        await using var agent = await WebSocketAgent.StartAsync(async connection =>
        {
            // Ten seconds of 440 Hz as one playAudio, cut after about a second: its playDone comes back only then.
            var prompt = Convert.ToBase64String(Linear16(Tone(440, 8000, 80000)));
            await connection.SendTextAsync($$$"""{"type": "playAudio", "data": {"audioContent": "{{{prompt}}}", "audioContentType": "raw", "sampleRate": 8000, "id": "prompt-1"}}""");
            await Task.Delay(1000);
            Assert.DoesNotContain(connection.Texts, IsPlayDone);
            await connection.SendTextAsync("""{"type": "killAudio"}""");
            await connection.WaitForTextAsync(IsPlayDone, Patience);
            await Task.Delay(1500);
            await connection.SendTextAsync("""{"type": "disconnect"}""");
        });
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""[{"verb": "listen", "url": "{{{agent.Url}}}", "actionHook": "/listened"}]"""),
            "/listened" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        await PlaceAsync(server, CallRequest(hooks, callee));

        var listened = (await hooks.WaitForAsync(w => w.Path == "/listened", Patience)).Body;
        Assert.Equal("disconnect", listened.GetProperty("listen_status").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        var prompt = RtpAnalysis.PacketFrequencies(rtp.Packets, payloadType: 8).Count(f => f is > 400 and < 480);
        Assert.InRange(prompt, 30, 80);
    }

    [Fact]
    public async Task Twilio_TheAgentGetsStartMediaAndDtmf_ItsEchoReachesTheCallee_AndItsMarkComesBack()
    {
        await using var agent = await WebSocketAgent.StartAsync(async connection =>
        {
            // An echo agent, as written for Twilio: every media payload goes straight back, then a mark.
            var echoed = 0;
            var streamSid = (await connection.WaitForTextAsync(t => Event(t) == "start", Patience)).GetProperty("streamSid").GetString();
            while (echoed < 100)
            {
                var media = connection.Texts.Where(t => Event(t) == "media").Skip(echoed).ToList();
                foreach (var frame in media)
                {
                    var payload = frame.GetProperty("media").GetProperty("payload").GetString();
                    await connection.SendTextAsync($$$"""{"event": "media", "streamSid": "{{{streamSid}}}", "media": {"payload": "{{{payload}}}"}}""");
                }

                echoed += media.Count;
                await Task.Delay(20);
            }

            await connection.SendTextAsync($$$"""{"event": "mark", "streamSid": "{{{streamSid}}}", "mark": {"name": "echoed"}}""");
            await connection.WaitForTextAsync(t => Event(t) == "mark", Patience);
            await connection.WaitForTextAsync(t => Event(t) == "dtmf", Patience);
            await connection.CloseAsync();
        });
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "stream", "url": "{{{agent.Url}}}", "wireFormat": "twilio", "actionHook": "/listened", "passDtmf": true,
                  "metadata": {"campaign": "spring"}},
                 {"verb": "hangup"}]
                """),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var sid = await PlaceAsync(server, CallRequest(hooks, callee));

        using var talking = new CancellationTokenSource(Patience);
        var connection = await agent.FirstConnection.WaitAsync(Patience);
        await rtp.SpeakAsync(PcmaFrames(Tone(1000, 8000, 8000 * 3)), payloadType: 8, frameMilliseconds: 20, talking.Token);
        await connection.WaitForTextAsync(t => Event(t) == "mark", Patience);
        await rtp.SpeakAsync([[1, 0x80 | 10, 0x03, 0x20]], payloadType: 101, frameMilliseconds: 20, talking.Token);

        var listened = (await hooks.WaitForAsync(w => w.Path == "/listened", Patience)).Body;
        Assert.Equal("closed", listened.GetProperty("listen_status").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        var texts = connection.Texts;
        Assert.Equal("connected", Event(texts[0]));
        var start = texts[1].GetProperty("start");
        Assert.Equal(sid, start.GetProperty("callSid").GetString());
        Assert.Equal("audio/x-mulaw", start.GetProperty("mediaFormat").GetProperty("encoding").GetString());
        Assert.Equal(8000, start.GetProperty("mediaFormat").GetProperty("sampleRate").GetInt32());
        Assert.Equal("spring", start.GetProperty("customParameters").GetProperty("campaign").GetString());
        Assert.Null(connection.Protocol);

        // What the agent heard is the callee's 1 kHz as µ-law at 8 kHz, in order.
        var media = texts.Where(t => Event(t) == "media").ToList();
        Assert.Equal(Enumerable.Range(1, media.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), media.Select(m => m.GetProperty("media").GetProperty("chunk").GetString()));
        var heard = media.SelectMany(m => Convert.FromBase64String(m.GetProperty("media").GetProperty("payload").GetString()!)).ToArray();
        var samples = new short[heard.Length];
        G711Codec.Pcmu.Decode(heard, samples);
        Assert.InRange(Pitch(samples, 8000), 985, 1015);

        // The echo reached the callee at 1 kHz.
        Assert.True(RtpAnalysis.PacketFrequencies(rtp.Packets, payloadType: 8).Count(f => f is > 950 and < 1050) >= 90);

        Assert.Equal("echoed", texts.Single(t => Event(t) == "mark").GetProperty("mark").GetProperty("name").GetString());
        Assert.Equal("1", texts.Single(t => Event(t) == "dtmf").GetProperty("dtmf").GetProperty("digit").GetString());
        Assert.Equal("stop", Event(texts[^1]));
    }

    [Fact]
    public async Task ConfigListen_StreamsBesideTheVerbs_AndListenStatusPausesAndResumesWhatTheAgentHears()
    {
        await using var agent = await WebSocketAgent.StartAsync(async connection =>
        {
            // A second of 600 Hz as a playAudio, heard while the foreground verb runs.
            var prompt = Convert.ToBase64String(Linear16(Tone(600, 8000, 8000)));
            await connection.SendTextAsync($$$"""{"type": "playAudio", "data": {"audioContent": "{{{prompt}}}", "sampleRate": 8000}}""");
            await connection.Closed;
        });
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "config", "listen": {"enable": true, "url": "{{{agent.Url}}}", "actionHook": "/background"}},
                 {"verb": "pause", "length": 30}]
                """),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var sid = await PlaceAsync(server, CallRequest(hooks, callee));
        var connection = await agent.FirstConnection.WaitAsync(Patience);

        using var talking = new CancellationTokenSource(Patience);
        var speaking = rtp.SpeakAsync(PcmaFrames(Tone(1000, 8000, 8000 * 8)), payloadType: 8, frameMilliseconds: 20, talking.Token);
        await connection.WaitUntilAsync(c => c.Audio.Length >= 8000, Patience);
        var path = $"/v1/Accounts/{server.App.AccountSid}/Calls/{sid}";
        Assert.Equal(HttpStatusCode.Accepted, (await server.Client.PutAsJsonAsync(path, new { listen_status = "pause" })).StatusCode);
        await Task.Delay(300);
        var atPause = connection.Audio.Length;
        await Task.Delay(1500);
        var whilePaused = connection.Audio.Length - atPause;
        Assert.Equal(HttpStatusCode.Accepted, (await server.Client.PutAsJsonAsync(path, new { listen_status = "resume" })).StatusCode);
        await connection.WaitUntilAsync(c => c.Audio.Length >= atPause + whilePaused + 4000, Patience);
        await speaking;
        await server.Client.DeleteAsync(path);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        await connection.Closed.WaitAsync(Patience);

        // Paused, the agent heard nothing (the stream stayed open); before and after, the callee's tone.
        Assert.Equal(0, whilePaused);
        Assert.InRange(Pitch(connection.Audio, 8000), 985, 1015);

        // The agent's prompt played beside the foreground pause verb.
        Assert.InRange(RtpAnalysis.PacketFrequencies(rtp.Packets, payloadType: 8).Count(f => f is > 550 and < 650), 40, 52);
    }

    [Theory]
    [InlineData("\"maxLength\": 2", "maxLength")]
    [InlineData("\"timeout\": 2", "timeout")]
    public async Task ALimit_EndsTheStream_ClosesTheAgentsConnection_AndIsTheReason(string limit, string reason)
    {
        // The callee says nothing: a silence timeout counts from the start, and nothing else ends the stream.
        await using var agent = await WebSocketAgent.StartAsync(connection => connection.Closed);
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""[{"verb": "listen", "url": "{{{agent.Url}}}", "actionHook": "/listened", {{{limit}}}}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        await PlaceAsync(server, CallRequest(hooks, callee));

        var listened = (await hooks.WaitForAsync(w => w.Path == "/listened", Patience)).Body;
        Assert.Equal(reason, listened.GetProperty("listen_status").GetString());
        Assert.InRange(listened.GetProperty("dialCallDuration").GetInt32(), 1, 3);
        await (await agent.FirstConnection).Closed.WaitAsync(Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task AnAgentThatCannotBeReached_EndsTheVerbWithConnectFailure_AndTheCallGoesOn()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "listen", "url": "ws://127.0.0.1:{{{FreePort.Udp()}}}/nobody", "actionHook": "/listened"},
                 {"verb": "say", "text": "The agent is away."},
                 {"verb": "hangup"}]
                """),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        await PlaceAsync(server, CallRequest(hooks, callee));

        var listened = (await hooks.WaitForAsync(w => w.Path == "/listened", Patience)).Body;
        Assert.Equal("connect-failure", listened.GetProperty("listen_status").GetString());
        Assert.False(string.IsNullOrEmpty(listened.GetProperty("error").GetString()));
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.True(RtpAnalysis.Analyse(rtp.Packets, payloadType: 8).SpeechPackets > 20, "the say after the failed listen was not heard");
    }

    [Fact]
    public async Task AnAgentThatStopsReading_EndsTheVerbWithStall_AndTheCallGoesOn()
    {
        await using var agent = StallingAgent.Start();
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "listen", "url": "{{{agent.Url}}}", "actionHook": "/listened", "sampleRate": 24000},
                 {"verb": "say", "text": "The agent stopped listening."},
                 {"verb": "hangup"}]
                """),
            _ => (200, null),
        };
        // The server's own connector, on a socket whose send buffer is small and fixed (no autotuning up to megabytes),
        // so the stalled agent's window backs up into our writes within a second rather than minutes.
        var smallBuffers = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        await using var server = await TestServer.StartAsync(
            callee.Uri, configure: services => services.AddSingleton(new MediaStreamConnector(new HttpMessageInvoker(smallBuffers))));
        await PlaceAsync(server, CallRequest(hooks, callee));

        await agent.Upgraded.WaitAsync(Patience);
        using var speaking = new CancellationTokenSource();
        var speech = rtp.SpeakAsync(PcmaFrames(Tone(440, 8000, 8000 * 25)), payloadType: 8, frameMilliseconds: 20, speaking.Token);
        var listened = (await hooks.WaitForAsync(w => w.Path == "/listened", Patience)).Body;
        Assert.True(listened.GetProperty("listen_status").GetString() == "stall", listened.ToString());
        Assert.Contains("longer than", listened.GetProperty("error").GetString());
        await speaking.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => speech);
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.True(RtpAnalysis.Analyse(rtp.Packets, payloadType: 8).SpeechPackets > 20, "the say after the stalled listen was not heard");
    }

    private static async Task WaitForMarkAsync(AgentConnection connection) =>
        await connection.WaitForTextAsync(t => t.TryGetProperty("type", out var type) && type.GetString() == "mark", Patience);

    private static bool IsPlayDone(JsonElement message) =>
        message.TryGetProperty("type", out var type) && type.GetString() == "playDone"
        && message.GetProperty("data").GetProperty("id").GetString() == "prompt-1";

    private static string? Event(JsonElement message) => message.TryGetProperty("event", out var e) ? e.GetString() : null;

    private static short[] Tone(double frequency, int rate, int count) =>
        [.. Enumerable.Range(0, count).Select(n => (short)(8000 * Math.Sin(2 * Math.PI * frequency * n / rate)))];

    private static byte[] Linear16(short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static List<byte[]> PcmaFrames(short[] samples)
    {
        var frames = new List<byte[]>();
        for (var start = 0; start + 160 <= samples.Length; start += 160)
        {
            var frame = new byte[160];
            G711Codec.Pcma.Encode(samples.AsSpan(start, 160), frame);
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>
    /// The pitch of the loud 100 ms windows (the tone, not the silence around it): zero crossings counted inside each
    /// window, two per period.
    /// </summary>
    private static double Pitch(short[] samples, int rate)
    {
        var window = rate / 10;
        var (crossings, counted) = (0, 0);
        for (var start = 0; start + window <= samples.Length; start += window)
        {
            var span = samples.AsSpan(start, window);
            double energy = 0;
            foreach (var sample in span)
            {
                energy += (double)sample * sample;
            }

            if (Math.Sqrt(energy / window) < 1000)
            {
                continue;
            }

            for (var i = 1; i < window; i++)
            {
                crossings += (span[i - 1] < 0) != (span[i] < 0) ? 1 : 0;
            }

            counted += window - 1;
        }

        return counted == 0 ? 0 : crossings / 2.0 / (counted / (double)rate);
    }

    private static async Task<string> PlaceAsync(TestServer server, JsonObject request)
    {
        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
    }

    private static JsonObject CallRequest(WebhookReceiver hooks, SippProcess callee) => new()
    {
        ["call_hook"] = hooks.Url("/call"),
        ["call_status_hook"] = hooks.Url("/status"),
        ["from"] = "+15550001",
        ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
    };
}
