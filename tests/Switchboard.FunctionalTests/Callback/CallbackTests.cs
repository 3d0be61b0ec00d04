using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Callback;

/// <summary>
/// The Callback API for real: two SIPp callees on loopback are connected by <c>POST /voice/call/callback</c>. Each
/// callee's media is a test socket that both hears and speaks (SIPp's G.711 A-law capture), so what one party
/// says is judged where the other hears it.
/// </summary>
public sealed class CallbackTests
{
    private const string SpeechCapture = "/usr/share/sip-tester/g711a.pcap";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Sequential_CallsTheSecondPartyOnlyOnceTheFirstAnswered_AndTheyHearEachOther()
    {
        await using var customerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var customer = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(customerAudio));
        await using var agent = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_answer_talk_bye.xml", new Dictionary<string, string> { ["talk_ms"] = "6000" }), Sink(agentAudio));
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(defaultCarrier: null);

        var created = await CreateAsync(server, new JsonObject
        {
            ["leg_A"] = Leg($"sip:1000123@127.0.0.1:{customer.Port}", "1000125"),
            ["leg_B"] = Leg($"sip:1000125@127.0.0.1:{agent.Port}", "1000123"),
            ["record"] = true,
            ["callback"] = new JsonObject { ["url"] = hooks.Url("/events") },
        });

        await hooks.WaitForAsync(w => Event(w) == "Bridged", Patience);
        var bridgedAt = Stopwatch.GetTimestamp();
        var speech = PcapAudio.RtpPayloads(SpeechCapture);
        using var talking = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var speaking = Task.WhenAll(
            IgnoreCancel(customerAudio.SpeakAsync(speech, 8, 30, talking.Token)),
            IgnoreCancel(agentAudio.SpeakAsync(speech, 8, 30, talking.Token)));
        var completed = await hooks.WaitForAsync(w => Event(w) is "Completed" or "Failed", Patience);
        await speaking;
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(0, await customer.WaitForExitAsync(Patience));

        // The session's own events, in order; the agent's hang-up ended the customer's leg.
        Assert.Equal(["Bridged", "Unbridged", "Completed"], hooks.Received.Select(Event).OfType<string>());
        Assert.Equal("leg_B hung up", completed.Body.GetProperty("reason").GetString());
        Assert.Equal("Completed", completed.Body.GetProperty("legs").GetProperty("leg_A").GetProperty("status").GetString());
        Assert.Equal("Completed", completed.Body.GetProperty("legs").GetProperty("leg_B").GetProperty("status").GetString());

        // Sequential on the wire: the agent's INVITE left only after the customer's 200 OK.
        // The customer answers 200 ms after its INVITE. SIPp stamps a trace entry when it writes it, after the
        // send, so the 200 OK's stamp may trail the agent's INVITE (sent the moment the 200 OK arrived) by a
        // millisecond or two; calling both at once would put the agent's INVITE ~200 ms earlier.
        var customerInvited = SippLog.Time(customer.Messages(), "INVITE sip:", sent: false);
        var customerAnswered = SippLog.Time(customer.Messages(), "SIP/2.0 200 OK", sent: true);
        var agentInvited = SippLog.Time(agent.Messages(), "INVITE sip:", sent: false);
        Assert.True(agentInvited > customerInvited.AddMilliseconds(150), $"the agent was invited at {agentInvited:O}, only just after the customer at {customerInvited:O}");
        Assert.True(agentInvited > customerAnswered.AddMilliseconds(-10), $"the agent was invited at {agentInvited:O}, before the customer answered at {customerAnswered:O}");

        // Each party saw the caller ID the request gave it: the other's number.
        Assert.Contains("<sip:1000125@", SippLog.Received(customer.Messages(), "INVITE"), StringComparison.Ordinal);
        Assert.Contains("<sip:1000123@", SippLog.Received(agent.Messages(), "INVITE"), StringComparison.Ordinal);

        // What each said reached the other, paced at 20 ms.
        var agentHeard = RtpAnalysis.Analyse(After(agentAudio, bridgedAt), payloadType: 8);
        var customerHeard = RtpAnalysis.Analyse(After(customerAudio, bridgedAt), payloadType: 8);
        Assert.True(agentHeard.SpeechPackets > 50, $"the agent heard {agentHeard.SpeechPackets} packets of speech out of {agentHeard.Packets}");
        Assert.True(customerHeard.SpeechPackets > 50, $"the customer heard {customerHeard.SpeechPackets} packets of speech out of {customerHeard.Packets}");
        Assert.InRange(agentHeard.MedianIntervalMs, 18, 22);
        Assert.InRange(customerHeard.MedianIntervalMs, 18, 22);

        // Both legs are calls, the agent's linked to the customer's; the session reads back as it ended.
        var session = await server.Client.GetFromJsonAsync<JsonElement>($"/voice/call/callback/{created.Sid}");
        Assert.Equal("Completed", session.GetProperty("status").GetString());
        Assert.Equal(created.LegA, session.GetProperty("legs").GetProperty("leg_A").GetProperty("sid").GetString());
        var agentCall = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls/{created.LegB}");
        Assert.Equal(created.LegA, agentCall.GetProperty("parent_call_sid").GetString());
        Assert.Equal("completed", agentCall.GetProperty("call_status").GetString());

        // The recording: stereo, the customer on the left and the agent on the right, each speaking.
        var recordingSid = session.GetProperty("recordingSid").GetString();
        var wav = WavInspection.Read(await WaitForRecordingAsync(server, recordingSid!));
        Assert.Equal((2, 8000), (wav.Channels, wav.SampleRate));
        Assert.True(SpeechShare(wav.FrameLevels(0)) > 0.2, $"leg_A's channel is mostly silent: {SpeechShare(wav.FrameLevels(0)):P0}");
        Assert.True(SpeechShare(wav.FrameLevels(1)) > 0.2, $"leg_B's channel is mostly silent: {SpeechShare(wav.FrameLevels(1)):P0}");
    }

    [Fact]
    public async Task Sequential_WhenTheSecondPartyIsBusy_TheFirstHearsWhyAndIsHungUp()
    {
        await using var customerAudio = RtpSink.Start();
        await using var customer = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(customerAudio));
        await using var agent = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(defaultCarrier: null);

        var created = await CreateAsync(server, new JsonObject
        {
            ["leg_A"] = Leg($"sip:customer@127.0.0.1:{customer.Port}", "+15550002"),
            ["leg_B"] = Leg($"sip:agent@127.0.0.1:{agent.Port}", "+15550001"),
            ["callback"] = new JsonObject { ["url"] = hooks.Url("/events") },
        });

        var failed = await hooks.WaitForAsync(w => Event(w) is "Completed" or "Failed", Patience);
        Assert.Equal(0, await customer.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));

        Assert.Equal("Failed", Event(failed));
        Assert.Equal("leg_B", failed.Body.GetProperty("failedLeg").GetString());
        Assert.Equal("busy", failed.Body.GetProperty("reason").GetString());
        Assert.Equal("Busy", failed.Body.GetProperty("legs").GetProperty("leg_B").GetProperty("status").GetString());
        Assert.DoesNotContain(hooks.Received, w => Event(w) == "Bridged");

        // The customer was kept on the line long enough to hear the message, then hung up by us.
        var session = await server.Client.GetFromJsonAsync<JsonElement>($"/voice/call/callback/{created.Sid}");
        Assert.Equal("Failed", session.GetProperty("status").GetString());
        var customerLeg = session.GetProperty("legs").GetProperty("leg_A");
        Assert.Equal("Completed", customerLeg.GetProperty("status").GetString());
        Assert.InRange(customerLeg.GetProperty("duration").GetInt32(), 2, 20);
        Assert.Contains("BYE sip:", SippLog.Received(customer.Messages(), "BYE"), StringComparison.Ordinal);

        // Each leg's statuses went to the same callback URL, the agent's ending busy.
        var agentStatuses = hooks.Received.Where(w => Leg(w) == "leg_B").Select(w => w.Body.GetProperty("status").GetProperty("name").GetString());
        Assert.Equal("Busy", agentStatuses.Last());
    }

    [Fact]
    public async Task Simultaneous_RingsBothAtOnce_BridgesWhenBothAnswer_AndDeleteEndsBoth()
    {
        await using var firstAudio = RtpSink.Start();
        await using var secondAudio = RtpSink.Start();
        await using var first = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(firstAudio));
        await using var second = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(secondAudio));
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(defaultCarrier: null);

        var created = await CreateAsync(server, new JsonObject
        {
            ["leg_A"] = Leg($"sip:a@127.0.0.1:{first.Port}", "+15550002"),
            ["leg_B"] = Leg($"sip:b@127.0.0.1:{second.Port}", "+15550001"),
            ["mode"] = "simultaneous",
            ["callback"] = new JsonObject { ["url"] = hooks.Url("/events"), ["strategy"] = "OnChange" },
        });

        await hooks.WaitForAsync(w => Event(w) == "Bridged", Patience);
        var live = await server.Client.GetFromJsonAsync<JsonElement>($"/voice/call/callback/{created.Sid}");
        Assert.Equal("Bridged", live.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.DeleteAsync($"/voice/call/callback/{created.Sid}")).StatusCode);

        var completed = await hooks.WaitForAsync(w => Event(w) is "Completed" or "Failed", Patience);
        Assert.Equal(0, await first.WaitForExitAsync(Patience));
        Assert.Equal(0, await second.WaitForExitAsync(Patience));
        Assert.Equal("Completed", Event(completed));
        Assert.Equal("ended by request", completed.Body.GetProperty("reason").GetString());
        // Leg statuses name the numbers as JSON.stringify writes them: the + as itself, not \u002B.
        Assert.Contains(hooks.Received, w => System.Text.Encoding.UTF8.GetString(w.RawBody).Contains("\"+15550002\""));

        // Both INVITEs left before either party answered.
        var firstAnswered = SippLog.Time(first.Messages(), "SIP/2.0 200 OK", sent: true);
        var secondAnswered = SippLog.Time(second.Messages(), "SIP/2.0 200 OK", sent: true);
        Assert.True(SippLog.Time(second.Messages(), "INVITE sip:", sent: false) < firstAnswered);
        Assert.True(SippLog.Time(first.Messages(), "INVITE sip:", sent: false) < secondAnswered);
    }

    [Fact]
    public async Task FirstLegB_CallsTheAgentFirst_AndTheTimeLimitEndsTheBridgedCall()
    {
        await using var customerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var customer = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(customerAudio));
        await using var agent = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(agentAudio));
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(defaultCarrier: null);

        await CreateAsync(server, new JsonObject
        {
            ["leg_A"] = Leg($"sip:1000123@127.0.0.1:{customer.Port}", "1000125"),
            ["leg_B"] = Leg($"sip:1000125@127.0.0.1:{agent.Port}", "1000123"),
            ["first"] = "leg_B",
            ["timeLimit"] = 2,
            ["callback"] = new JsonObject { ["url"] = hooks.Url("/events") },
        });

        var bridged = await hooks.WaitForAsync(w => Event(w) == "Bridged", Patience);
        var completed = await hooks.WaitForAsync(w => Event(w) is "Completed" or "Failed", Patience);
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(0, await customer.WaitForExitAsync(Patience));

        Assert.Equal("Completed", Event(completed));
        Assert.Equal("time limit reached", completed.Body.GetProperty("reason").GetString());
        // The events' own times: the Bridged post itself waits behind the legs' status posts in the session's queue.
        var talked = completed.Body.GetProperty("at").GetDateTimeOffset() - bridged.Body.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(talked.TotalSeconds, 1.9, 4);
        // The agent (leg_B) was called first: the customer's INVITE came only after the agent answered (200 ms after its INVITE).
        var agentInvited = SippLog.Time(agent.Messages(), "INVITE sip:", sent: false);
        var customerInvited = SippLog.Time(customer.Messages(), "INVITE sip:", sent: false);
        Assert.True(customerInvited > agentInvited.AddMilliseconds(150), $"the customer was invited at {customerInvited:O}, the agent at {agentInvited:O}");
    }

    [Fact]
    public async Task Sequential_WhileTheSecondRings_TheFirstHearsTheAnnouncementThenTheHoldAudio()
    {
        await using var customerAudio = RtpSink.Start();
        await using var customer = await SippProcess.StartCalleeAsync("uas_answer_then_bye.xml", Sink(customerAudio));
        await using var agent = await SippProcess.StartCalleeAsync("uas_ring_forever.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Files["/hold.wav"] = ("audio/wav", WavFile.Pcm16(SpokenAudio.Tone(600, 3000)));
        await using var server = await TestServer.StartAsync(defaultCarrier: null);

        await CreateAsync(server, new JsonObject
        {
            ["leg_A"] = Leg($"sip:customer@127.0.0.1:{customer.Port}", "+15550002"),
            ["leg_B"] = Leg($"sip:agent@127.0.0.1:{agent.Port}", "+15550001"),
            ["announcement"] = "Please hold.",
            ["holdAudio"] = hooks.Url("/hold.wav"),
            ["callback"] = new JsonObject { ["url"] = hooks.Url("/events"), ["strategy"] = "OnCompletion" },
        });

        // The customer gives up while the agent still rings: the agent's INVITE is canceled.
        var failed = await hooks.WaitForAsync(w => Event(w) is "Completed" or "Failed", Patience);
        Assert.Equal(0, await customer.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(("Failed", "leg_A", "hangup"), (Event(failed), failed.Body.GetProperty("failedLeg").GetString(), failed.Body.GetProperty("reason").GetString()));
        Assert.Contains("CANCEL sip:agent@", agent.Messages(), StringComparison.Ordinal);
        Assert.Single(hooks.Received, w => w.Path == "/events");

        // The announcement first, then the hold audio's 600 Hz (not ringback) to the end.
        var heard = customerAudio.Packets.Where(p => p.Packet.Length > 12 && (p.Packet[1] & 0x7F) == 0).ToList();
        var lastSecond = heard.Where(p => p.Ticks > heard[^1].Ticks - Stopwatch.Frequency).ToList();
        Assert.InRange(RtpAnalysis.ToneFrequency(lastSecond, payloadType: 0), 570, 630);
        var firstSecond = heard.Where(p => p.Ticks < heard[0].Ticks + Stopwatch.Frequency).ToList();
        Assert.True(RtpAnalysis.Analyse(firstSecond, payloadType: 0).SpeechPackets > 10, "the announcement was not heard");
        Assert.NotInRange(RtpAnalysis.ToneFrequency(firstSecond, payloadType: 0), 570, 630);
    }

    [Theory]
    [InlineData("""{"leg_A": {"from": "1000125"}, "leg_B": {"to": "1000125", "from": "1000123"}}""", "leg_A.to")]
    [InlineData("""{"leg_A": {"to": "1000123", "from": "1000125"}, "leg_B": {"to": "1000125", "from": "1000123"}, "mode": "parallel"}""", "mode")]
    [InlineData("""{"leg_A": {"to": "mailto:a@b", "from": "1000125"}, "leg_B": {"to": "1000125", "from": "1000123"}}""", "leg_A.to")]
    [InlineData("""{"leg_A": {"to": "1000123", "from": "1000125"}, "leg_B": {"to": "+1000123", "from": "1000123"}}""", "leg_B.to")]
    public async Task BadRequest_IsA400NamingTheField_AndPlacesNoCall(string body, string field)
    {
        await using var server = await TestServer.StartAsync(defaultCarrier: "sip:127.0.0.1:9");

        var response = await server.Client.PostAsync("/voice/call/callback", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var calls = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls");
        Assert.Equal(0, calls.GetArrayLength());
    }

    [Fact]
    public async Task Requests_WithoutAKey_AreRefused()
    {
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        using var anonymous = new HttpClient { BaseAddress = server.App.HttpAddress };

        var response = await anonymous.PostAsync("/voice/call/callback", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<(string Sid, string LegA, string LegB)> CreateAsync(TestServer server, JsonObject body)
    {
        var response = await server.Client.PostAsJsonAsync("/voice/call/callback", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var legs = created.GetProperty("legs");
        return (created.GetProperty("sid").GetString()!, legs.GetProperty("leg_A").GetProperty("sid").GetString()!, legs.GetProperty("leg_B").GetProperty("sid").GetString()!);
    }

    private static JsonObject Leg(string to, string from) => new() { ["to"] = to, ["from"] = from, ["timeout"] = 15 };

    private static Dictionary<string, string> Sink(RtpSink sink) => new() { ["rtp_sink"] = sink.Port.ToString() };

    private static string? Event(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("event", out var name) ? name.GetString() : null;

    private static string? Leg(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("leg", out var leg) ? leg.GetString() : null;

    private static List<(long Ticks, byte[] Packet)> After(RtpSink sink, long ticks) => sink.Packets.Where(p => p.Ticks > ticks).ToList();

    private static async Task IgnoreCancel(Task speaking)
    {
        try
        {
            await speaking;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<byte[]> WaitForRecordingAsync(TestServer server, string recordingSid)
    {
        // The file is stored once the recorder has closed it, just after the bridge came down.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var url = $"/v1/Accounts/{server.App.AccountSid}/Recordings/{recordingSid}";
        while (true)
        {
            var response = await server.Client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var recording = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("callback", recording.GetProperty("source").GetString());
                Assert.Equal(2, recording.GetProperty("channels").GetInt32());
                return await server.Client.GetByteArrayAsync(recording.GetProperty("media_url").GetString());
            }

            Assert.True(DateTime.UtcNow < deadline, "the session's recording was never stored");
            await Task.Delay(200);
        }
    }

    /// <summary>The share of 20 ms frames louder than quiet speech (RMS 300 of 32767, about −41 dBFS).</summary>
    private static double SpeechShare(double[] levels) => levels.Length == 0 ? 0 : levels.Count(level => level > 300) / (double)levels.Length;
}
