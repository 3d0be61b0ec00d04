using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz <c>config</c>'s background work on real calls: a <c>bargeIn</c> that a SIPp callee's key (RFC 4733) stops a
/// long <c>say</c> with, and whose actionHook's answer takes over; a <c>transcribe</c> that posts what an espeak-ng
/// callee says while a <c>pause</c> runs; and an <c>amd</c> that hears a voicemail greeting.
/// </summary>
public sealed class ConfigBackgroundCallTests
{
    private const string ShippedKeyOne = "/usr/share/sip-tester/dtmf_2833_1.pcap";

    private const string LongAnnouncement =
        "Welcome to the city library. Our opening hours are nine to six on weekdays and ten to four on Saturdays. "
        + "Books may be borrowed for three weeks and renewed twice. Please have your library card ready when you call again.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    // Speech starts this long after the ACK, so the call hook has answered and the background verb listens by then.
    private static readonly short[] LeadIn = SpokenAudio.Silence(2000);

    [Fact]
    public async Task BargeIn_AKeyStopsTheSay_TheDigitsReachItsActionHook_AndTheAnswerRuns()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_answer_key_at.xml", new Dictionary<string, string>
            {
                ["key_delay_ms"] = "3000",
                ["key_pcap"] = ShippedKeyOne,
                ["bye_timeout_ms"] = "40000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "config", "bargeIn": {"enable": true, "input": ["digits"], "numDigits": 1, "actionHook": "/barge"}},
                 {"verb": "say", "text": "{{{LongAnnouncement}}}"},
                 {"verb": "pause", "length": 20},
                 {"verb": "hangup"}]
                """),
            "/barge" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        await PlaceCallAsync(server, hooks, $"sip:+15550002@127.0.0.1:{callee.Port}");

        var barge = await hooks.WaitForAsync(w => w.Path == "/barge", Patience);
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);

        Assert.Equal(("1", "dtmfDetected"), (barge.Body.GetProperty("digits").GetString(), barge.Body.GetProperty("reason").GetString()));
        var answered = hooks.Received.First(w => w.Path == "/status" && Status(w) == "in-progress");
        Assert.InRange((barge.At - answered.At).TotalSeconds, 2, 8);
        // The answer (hang up) ran at once, instead of the rest of the say and the 20 s pause.
        Assert.InRange((completed.At - barge.At).TotalSeconds, 0, 3);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        // The say was cut: its ~15 s of speech would be about 750 packets.
        var heard = RtpAnalysis.Analyse(rtp.Packets, payloadType: 8);
        Assert.InRange(heard.SpeechPackets, 20, 450);
    }

    [Fact]
    public async Task BargeIn_SpeechStopsTheSay_TheWordsReachItsActionHook_AndTheAnswerRuns()
    {
        short[] says = [.. SpokenAudio.Silence(3000), .. await SpokenAudio.SpeakAsync("support"), .. SpokenAudio.Silence(3000)];
        await using var callee = await SpeakingCallee.StartAsync(says);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$$"""
                [{"verb": "config", "bargeIn": {"enable": true, "actionHook": "/barge"},
                  "recognizer": {"vendor": "pocketsphinx", "hints": ["sales", "support", "billing"]}},
                 {"verb": "say", "text": "{{{LongAnnouncement}}}"},
                 {"verb": "pause", "length": 20},
                 {"verb": "hangup"}]
                """),
            "/barge" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);
        await PlaceCallAsync(server, hooks, callee.SipUri("+15550002"));

        var barge = await hooks.WaitForAsync(w => w.Path == "/barge", Patience);
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);

        Assert.Equal("speechDetected", barge.Body.GetProperty("reason").GetString());
        Assert.Equal("support", barge.Body.GetProperty("speech").GetProperty("alternatives")[0].GetProperty("transcript").GetString());
        // Without the barge-in the say (~15 s) and the 20 s pause would run first; the answer hung up at once.
        var answered = hooks.Received.First(w => w.Path == "/status" && Status(w) == "in-progress");
        Assert.InRange((completed.At - answered.At).TotalSeconds, 3, 12);
        Assert.InRange((completed.At - barge.At).TotalSeconds, 0, 3);
    }

    [Fact]
    public async Task Transcribe_PostsWhatTheCalleeSays_WhileAPauseRuns()
    {
        short[] says = [.. LeadIn, .. await SpokenAudio.SpeakAsync("yes"), .. SpokenAudio.Silence(1500)];
        await using var callee = await SpeakingCallee.StartAsync(says);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [{"verb": "config", "transcribe": {"enable": true, "transcriptionHook": "/transcript", "recognizer": {"hints": ["yes", "no"]}}},
                 {"verb": "pause", "length": 8},
                 {"verb": "hangup"}]
                """),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);
        await PlaceCallAsync(server, hooks, callee.SipUri("+15550002"));

        var transcript = await hooks.WaitForAsync(w => w.Path == "/transcript", Patience);
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);

        var speech = transcript.Body.GetProperty("speech");
        Assert.Equal("yes", speech.GetProperty("alternatives")[0].GetProperty("transcript").GetString());
        Assert.True(speech.GetProperty("is_final").GetBoolean());
        // Posted while the pause still ran, which then went on to its end.
        Assert.True(transcript.At < completed.At);
        var answered = hooks.Received.First(w => w.Path == "/status" && Status(w) == "in-progress");
        Assert.InRange((completed.At - answered.At).TotalSeconds, 7, 15);
    }

    [Fact]
    public async Task Amd_HearsAVoicemailGreeting_AndItsHooksAnswerTakesOver()
    {
        const string voicemail =
            "Hi, you have reached the voicemail of John Smith. I am sorry I cannot take your call right now. "
            + "Please leave your name, your number and a short message after the tone.";
        short[] greeting = [.. SpokenAudio.Silence(1000), .. await SpokenAudio.SpeakAsync(voicemail), .. SpokenAudio.Silence(3000)];
        await using var callee = await SpeakingCallee.StartAsync(greeting);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [{"verb": "config", "amd": {"actionHook": "/amd", "thresholdWordCount": 6}},
                 {"verb": "pause", "length": 60},
                 {"verb": "hangup"}]
                """),
            "/amd" when webhook.Body.GetProperty("type").GetString() == "amd_machine_detected" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);
        var sid = await PlaceCallAsync(server, hooks, callee.SipUri("+15550002"));

        var machine = await hooks.WaitForAsync(w => w.Path == "/amd", Patience);
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);

        Assert.Equal(("amd_machine_detected", "long greeting"), (machine.Body.GetProperty("type").GetString(), machine.Body.GetProperty("reason").GetString()));
        Assert.Equal(sid, machine.Body.GetProperty("call_sid").GetString());
        Assert.InRange(completed.Body.GetProperty("duration").GetInt32(), 0, 20);
        Assert.Equal(0, await callee.Sipp.WaitForExitAsync(Patience));
    }

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();

    private static async Task<string> PlaceCallAsync(TestServer server, WebhookReceiver hooks, string sipUri)
    {
        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = sipUri },
            ["timeLimit"] = 40,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
    }
}
