using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Recordings for real: a SIPp callee speaks (the shipped G.711 A-law capture) into a call whose application
/// records, and the WAV is fetched back through the Recordings API and read by the test's own parser.
/// </summary>
public sealed class RecordingCallTests
{
    private const string SpeechCapture = "/usr/share/sip-tester/g711a.pcap";
    private const string PoundCapture = "/usr/share/sip-tester/dtmf_2833_pound.pcap";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Record_EndedByPound_StoresWhatTheCallerSaid_AndPostsItToTheActionHook()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_audio_then_key.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "2500",
                ["audio_pcap"] = SpeechCapture,
                ["audio_ms"] = "7500",
                ["key_pcap"] = PoundCapture,
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [
                  {"verb": "say", "text": "Record after the beep."},
                  {"verb": "record", "actionHook": "/recorded", "finishOnKey": "#", "timeout": 10, "maxLength": 30},
                  {"verb": "say", "text": "This is never said: the action hook answers first."}
                ]
                """),
            "/recorded" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        var sid = await PlaceAsync(server, CallRequest(hooks, callee));

        var recorded = (await hooks.WaitForAsync(w => w.Path == "/recorded", Patience)).Body;
        Assert.Equal("#", recorded.GetProperty("digits").GetString());
        Assert.Equal("finishOnKey", recorded.GetProperty("reason").GetString());
        Assert.Equal(sid, recorded.GetProperty("call_sid").GetString());
        var duration = recorded.GetProperty("recording_duration").GetDouble();
        // Recording starts after the prompt and beep (~2 s in), the speech at 2.5 s, the key at ~10 s.
        Assert.InRange(duration, 4, 10);

        var wav = WavInspection.Read(await server.Client.GetByteArrayAsync(recorded.GetProperty("recording_url").GetString()));
        Assert.Equal((1, 8000, 16), (wav.Channels, wav.SampleRate, wav.BitsPerSample));
        Assert.Equal(duration, wav.Duration.TotalSeconds, 0.05);
        Assert.True(SpeechShare(wav.FrameLevels(0)) > 0.3, $"the recording is mostly silent: {SpeechShare(wav.FrameLevels(0)):P0} speech");

        var listed = await server.Client.GetFromJsonAsync<JsonElement>($"{AccountPath(server)}/Recordings?call_sid={sid}");
        var recording = Assert.Single(listed.EnumerateArray());
        Assert.Equal(recorded.GetProperty("recording_sid").GetString(), recording.GetProperty("sid").GetString());
        Assert.Equal("completed", recording.GetProperty("status").GetString());
        Assert.Equal("record", recording.GetProperty("source").GetString());
        Assert.Equal(1, recording.GetProperty("channels").GetInt32());
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Record_WhenTheCallerHangsUp_IsStillStoredAndPostedWithReasonHangup()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_audio_then_bye.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "1000",
                ["audio_pcap"] = SpeechCapture,
                ["audio_ms"] = "5000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """[{"verb": "record", "actionHook": "/recorded", "playBeep": false, "timeout": 0, "maxLength": 60}]""")
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);

        var sid = await PlaceAsync(server, CallRequest(hooks, callee));

        var recorded = (await hooks.WaitForAsync(w => w.Path == "/recorded", Patience)).Body;
        Assert.Equal("hangup", recorded.GetProperty("reason").GetString());
        Assert.Equal(string.Empty, recorded.GetProperty("digits").GetString());
        Assert.Equal("completed", recorded.GetProperty("call_status").GetString());
        Assert.InRange(recorded.GetProperty("recording_duration").GetDouble(), 4, 8);
        var shown = await server.Client.GetFromJsonAsync<JsonElement>($"{AccountPath(server)}/Recordings/{recorded.GetProperty("recording_sid").GetString()}");
        Assert.Equal(sid, shown.GetProperty("call_sid").GetString());
        Assert.Equal("hangup", shown.GetProperty("reason").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Record_ReachingMaxLength_EndsWithReasonMaxLength_AtThatLength()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_play_audio.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "300",
                ["audio_pcap"] = SpeechCapture,
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "record", "actionHook": "/recorded", "playBeep": false, "maxLength": 2, "timeout": 0}]"""),
            "/recorded" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        await PlaceAsync(server, CallRequest(hooks, callee));

        var recorded = (await hooks.WaitForAsync(w => w.Path == "/recorded", Patience)).Body;
        Assert.Equal("maxLength", recorded.GetProperty("reason").GetString());
        Assert.Equal(2.0, recorded.GetProperty("recording_duration").GetDouble(), 0.05);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Record_LeftByARedirect_IsStoredButNotPosted()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_play_audio.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "300",
                ["audio_pcap"] = SpeechCapture,
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "record", "actionHook": "/recorded", "playBeep": false, "timeout": 0}]"""),
            "/moved" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var sid = await PlaceAsync(server, CallRequest(hooks, callee));
        await hooks.WaitForAsync(w => w.Path == "/call", Patience);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var put = await server.Client.PutAsJsonAsync($"{AccountPath(server)}/Calls/{sid}", new { call_hook = hooks.Url("/moved") });

        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        var recording = await WaitForRecordingAsync(server, sid);
        Assert.Equal("stopped", recording.GetProperty("reason").GetString());
        Assert.InRange(recording.GetProperty("duration").GetDouble(), 1, 5);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.DoesNotContain(hooks.Received, w => w.Path == "/recorded");
    }

    [Fact]
    public async Task RecordAllCalls_StoresTheCallAsStereo_CallerLeftAndOurPromptRight()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_play_audio.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "300",
                ["audio_pcap"] = SpeechCapture,
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/app-call"
            ? (200, """[{"verb": "say", "text": "This call is recorded for quality."}, {"verb": "pause", "length": 4}, {"verb": "hangup"}]""")
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);
        var application = await server.Client.PostAsJsonAsync(
            $"{AccountPath(server)}/Applications",
            new { name = "recorded", call_hook = hooks.Url("/app-call"), call_status_hook = hooks.Url("/app-status"), record_all_calls = true });
        Assert.Equal(HttpStatusCode.Created, application.StatusCode);
        var applicationSid = (await application.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

        var sid = await PlaceAsync(server, new JsonObject
        {
            ["application_sid"] = applicationSid,
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });

        var completed = await hooks.WaitForAsync(w => w.Path == "/app-status" && Status(w) == "completed", Patience);
        var recording = await WaitForRecordingAsync(server, sid);
        Assert.Equal("call", recording.GetProperty("source").GetString());
        Assert.Equal(2, recording.GetProperty("channels").GetInt32());
        var wav = WavInspection.Read(await server.Client.GetByteArrayAsync(recording.GetProperty("media_url").GetString()));
        Assert.Equal((2, 8000), (wav.Channels, wav.SampleRate));
        Assert.InRange(wav.Duration.TotalSeconds, completed.Body.GetProperty("duration").GetInt32() - 1.5, completed.Body.GetProperty("duration").GetInt32() + 1.5);
        var caller = wav.FrameLevels(0);
        var ours = wav.FrameLevels(1);
        Assert.True(SpeechShare(caller) > 0.3, $"the caller's channel is mostly silent: {SpeechShare(caller):P0}");
        Assert.True(SpeechShare(ours) > 0.05, $"our channel holds no prompt: {SpeechShare(ours):P0}");
        // The channels are apart: during the pause the caller talks and our side is silent.
        var callerOnly = caller.Zip(ours).Count(levels => levels.First > 300 && levels.Second < 30);
        Assert.True(callerOnly > 50, $"only {callerOnly} frames hold the caller alone");
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task CloudRecording_StartedPausedResumedAndStoppedByConfig_IsStoredWithoutThePause()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await StartTalkingCalleeAsync(rtp);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """
                [{"verb": "config", "record": {"action": "startCallRecording", "type": "cloud"}},
                 {"verb": "pause", "length": 2},
                 {"verb": "config", "record": {"action": "pauseCallRecording", "type": "cloud"}},
                 {"verb": "pause", "length": 3},
                 {"verb": "config", "record": {"action": "resumeCallRecording", "type": "cloud"}},
                 {"verb": "pause", "length": 1},
                 {"verb": "config", "record": {"action": "stopCallRecording", "type": "cloud"}},
                 {"verb": "config", "record": {"action": "startCallRecording", "recordingID": "4711", "siprecServerURL": "sip:srs@127.0.0.1"}},
                 {"verb": "pause", "length": 1},
                 {"verb": "hangup"}]
                """)
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);

        var sid = await PlaceAsync(server, CallRequest(hooks, callee));

        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        var recording = await WaitForRecordingAsync(server, sid);
        Assert.Equal((2, "completed"), (recording.GetProperty("channels").GetInt32(), recording.GetProperty("status").GetString()));
        var wav = WavInspection.Read(await server.Client.GetByteArrayAsync(recording.GetProperty("media_url").GetString()));
        // Two seconds, then one after the three-second pause: well short of the six the verbs took (a loaded machine
        // stretches the verbs' timing a little, never by the pause).
        Assert.InRange(wav.Duration.TotalSeconds, 2.5, 4.9);
        // The SIPREC one was skipped, and the call says so.
        var call = await server.Client.GetFromJsonAsync<JsonElement>($"{AccountPath(server)}/Calls/{sid}");
        Assert.Contains(call.GetProperty("warnings").EnumerateArray(), warning => warning.GetProperty("detail").GetString()!.StartsWith("config.record: SIPREC", StringComparison.Ordinal));
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task CloudRecording_StartedAndStoppedLive_HoldsWhatWasSaidBetween()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await StartTalkingCalleeAsync(rtp);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 8}, {"verb": "hangup"}]""") : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);
        var sid = await PlaceAsync(server, CallRequest(hooks, callee));
        var callUrl = $"{AccountPath(server)}/Calls/{sid}";
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "in-progress", Patience);

        var siprec = await server.Client.PutAsJsonAsync(callUrl, new { record = new { action = "startCallRecording", siprecServerURL = "sip:srs@127.0.0.1" } });
        Assert.Equal(HttpStatusCode.BadRequest, siprec.StatusCode);
        Assert.Contains("record.type", await siprec.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await server.Client.PutAsJsonAsync(callUrl, new { record = new { action = "startCallRecording", type = "cloud" } })).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Accepted, (await server.Client.PutAsJsonAsync(callUrl, new { record = new { action = "stopCallRecording", type = "cloud" } })).StatusCode);

        // Stored once closed, while the call goes on.
        var recording = await WaitForRecordingAsync(server, sid);
        var wav = WavInspection.Read(await server.Client.GetByteArrayAsync(recording.GetProperty("media_url").GetString()));
        Assert.InRange(wav.Duration.TotalSeconds, 1.5, 3.0);
        // The capture has pauses of its own: a fifth of the frames with speech shows the callee was recorded.
        Assert.True(SpeechShare(wav.FrameLevels(0)) > 0.2, $"the callee's channel is mostly silent: {SpeechShare(wav.FrameLevels(0)):P0}");
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    /// <summary>A callee that answers and talks (the shipped capture) until our BYE.</summary>
    private static Task<SippProcess> StartTalkingCalleeAsync(RtpSink rtp) =>
        SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_play_audio.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "300",
                ["audio_pcap"] = SpeechCapture,
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });

    private static async Task<JsonElement> WaitForRecordingAsync(TestServer server, string callSid)
    {
        // The file is stored once the recorder has closed it, just after the call's final status.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var listed = await server.Client.GetFromJsonAsync<JsonElement>($"{AccountPath(server)}/Recordings?call_sid={callSid}");
            if (listed.GetArrayLength() > 0)
            {
                return Assert.Single(listed.EnumerateArray());
            }

            Assert.True(DateTime.UtcNow < deadline, "the call's recording was never stored");
            await Task.Delay(200);
        }
    }

    /// <summary>The share of 20 ms frames louder than quiet speech (RMS 300 of 32767, about −41 dBFS).</summary>
    private static double SpeechShare(double[] levels) => levels.Length == 0 ? 0 : levels.Count(level => level > 300) / (double)levels.Length;

    private static async Task<string> PlaceAsync(TestServer server, JsonObject request)
    {
        var response = await server.Client.PostAsJsonAsync($"{AccountPath(server)}/Calls", request);
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

    private static string AccountPath(TestServer server) => $"/v1/Accounts/{server.App.AccountSid}";

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
