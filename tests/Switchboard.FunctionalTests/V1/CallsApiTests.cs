using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Calls.Engine;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// The Calls API (seed 003) for real: <c>POST /v1/Accounts/{sid}/Calls</c> places an INVITE to a SIPp callee, the
/// call hook answers with jambonz verbs, and the status hook hears every change.
/// </summary>
public sealed class CallsApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Call_WhenCalleePressesOne_PostsTheKeyToTheActionHookWhoseAnswerEndsTheCall()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [
                  {"verb": "say", "text": "Welcome to Switchboard."},
                  {"verb": "gather", "actionHook": "/action", "numDigits": 1, "timeout": 20,
                   "say": {"text": "Press one to confirm your appointment, or two to cancel it."}}
                ]
                """),
            "/action" => (200, """[{"verb": "say", "text": "Thank you."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        var request = CallRequest(hooks, callee);
        request["callerName"] = "Vacation Agent";
        request["fromHost"] = "example.org";
        request["headers"] = new JsonObject { ["User-to-User"] = "UUID: 42", ["X-Campaign"] = "spring" };
        request["tag"] = new JsonObject { ["internalId"] = "ABDC1234", ["Customer"] = new JsonObject { ["firstName"] = "Sara" } };
        var response = await server.Client.PostAsJsonAsync(CallsPath(server), request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString()!;
        var callId = created.GetProperty("callid").GetString()!;

        var action = await hooks.WaitForAsync(w => w.Path == "/action", Patience);
        Assert.Equal("1", action.Body.GetProperty("digits").GetString());
        Assert.Equal("dtmfDetected", action.Body.GetProperty("reason").GetString());
        Assert.Equal(sid, action.Body.GetProperty("call_sid").GetString());
        Assert.Equal("ABDC1234", action.Body.GetProperty("customerData").GetProperty("internalId").GetString());

        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Equal(["trying", "ringing", "in-progress", "completed"], hooks.Received.Where(w => w.Path == "/status").Select(Status));
        Assert.True(completed.Body.GetProperty("duration").GetInt32() >= 4);
        Assert.Equal("Sara", completed.Body.GetProperty("customerData").GetProperty("Customer").GetProperty("firstName").GetString());

        var call = hooks.Received.Single(w => w.Path == "/call").Body;
        Assert.Equal(callId, call.GetProperty("call_id").GetString());
        Assert.Equal("outbound", call.GetProperty("direction").GetString());
        Assert.Equal("in-progress", call.GetProperty("call_status").GetString());
        Assert.Equal("Vacation Agent", call.GetProperty("caller_name").GetString());

        var invite = FirstInvite(callee.Messages());
        Assert.Contains($"Call-ID: {callId}", invite, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Vacation Agent\" <sip:+15550001@example.org>", invite, StringComparison.Ordinal);
        Assert.Contains("User-to-User: UUID: 42", invite, StringComparison.Ordinal);
        Assert.Contains("X-Campaign: spring", invite, StringComparison.Ordinal);

        var stored = await server.Client.GetFromJsonAsync<JsonElement>($"{CallsPath(server)}/{sid}");
        Assert.Equal("completed", stored.GetProperty("call_status").GetString());
        Assert.Equal(callId, stored.GetProperty("call_id").GetString());
    }

    [Fact]
    public async Task Play_OfA16kHzWavOverHttp_IsHeardAtItsPitch()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Files["/tone.wav"] = ("audio/wav", ToneWav(sampleRate: 16_000, frequency: 1000, seconds: 2));
        var application = new JsonArray(new JsonObject { ["verb"] = "play", ["url"] = hooks.Url("/tone.wav") }, new JsonObject { ["verb"] = "hangup" });
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, application.ToJsonString()) : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);

        await server.PlaceCallAsync(hooks, callee);

        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        var pitch = RtpAnalysis.ToneFrequency(rtp.Packets, payloadType: 0);
        Assert.InRange(pitch, 990, 1010);
    }

    [Fact]
    public async Task Call_WithApplicationSid_RunsTheApplicationsHooksAndSendsItsDtmf()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/app-call"
            ? (200, """[{"verb": "dtmf", "dtmf": "12", "duration": 200}, {"verb": "hangup"}]""")
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);
        var application = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/Applications",
            new { name = "dtmf sender", call_hook = hooks.Url("/app-call"), call_status_hook = hooks.Url("/app-status") });
        Assert.Equal(HttpStatusCode.Created, application.StatusCode);
        var applicationSid = (await application.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

        var response = await server.Client.PostAsJsonAsync(CallsPath(server), new
        {
            application_sid = applicationSid,
            from = "+15550001",
            to = new { type = "sip", sipUri = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var completed = await hooks.WaitForAsync(w => w.Path == "/app-status" && Status(w) == "completed", Patience);
        Assert.Equal(applicationSid, completed.Body.GetProperty("application_sid").GetString());
        Assert.Equal(applicationSid, hooks.Received.Single(w => w.Path == "/app-call").Body.GetProperty("application_sid").GetString());
        // RFC 4733 events on the negotiated telephone-event type (101): event code is the first payload byte.
        var events = RtpAnalysis.TelephoneEvents(rtp.Packets, payloadType: 101);
        Assert.Equal([1, 2], events);
    }

    [Fact]
    public async Task Call_ToABusyCallee_EndsBusyWithItsSipStatus()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var busy = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) is "busy" or "failed" or "completed", Patience);
        Assert.Equal("busy", Status(busy));
        Assert.Equal(486, busy.Body.GetProperty("sip_status").GetInt32());
        Assert.Equal(0, busy.Body.GetProperty("duration").GetInt32());
        Assert.DoesNotContain(hooks.Received, w => w.Path == "/call");
    }

    [Fact]
    public async Task Call_NobodyAnswersWithinTimeout_EndsNoAnswer()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_ring_forever.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var request = CallRequest(hooks, callee);
        request["timeout"] = 2;

        await server.Client.PostAsJsonAsync(CallsPath(server), request);

        var final = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) is "no-answer" or "failed" or "completed", Patience);
        Assert.Equal("no-answer", Status(final));
        Assert.Equal(["trying", "ringing", "no-answer"], hooks.Received.Where(w => w.Path == "/status").Select(Status));
    }

    [Fact]
    public async Task Delete_OnALiveCall_HangsItUp()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);
        var created = await (await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee))).Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString();
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "in-progress", Patience);

        var deleted = await server.Client.DeleteAsync($"{CallsPath(server)}/{sid}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Put_WithCallHook_RedirectsTheLiveCallToTheNewApplication()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "pause", "length": 60}]"""),
            "/redirect" => (200, """[{"verb": "say", "text": "You have been moved."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var created = await (await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee))).Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString();
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "in-progress", Patience);

        var put = await server.Client.PutAsJsonAsync($"{CallsPath(server)}/{sid}", new { call_hook = hooks.Url("/redirect"), tag = new { stage = "moved" } });

        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        var redirect = await hooks.WaitForAsync(w => w.Path == "/redirect", Patience);
        Assert.Equal("moved", redirect.Body.GetProperty("customerData").GetProperty("stage").GetString());
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Redirect_WithAStatusHook_SendsTheCallsLaterStatusesThere()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "redirect", "actionHook": "/next", "statusHook": "/status-next"}]"""),
            "/next" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        await server.PlaceCallAsync(hooks, callee);

        var final = await hooks.WaitForAsync(w => w.Path.StartsWith("/status", StringComparison.Ordinal) && Status(w) == "completed", Patience);
        Assert.Equal("/status-next", final.Path);
        Assert.Equal(["trying", "ringing", "in-progress"], hooks.Received.Where(w => w.Path == "/status").Select(Status));
    }

    [Fact]
    public async Task Call_WhoseHookAnswersInvalidVerbs_EndsFailed()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "dance"}]""") : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);

        await server.PlaceCallAsync(hooks, callee);

        var final = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) is "failed" or "completed", Patience);
        Assert.Equal("failed", Status(final));
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Theory]
    [InlineData("""{"call_hook": "http://127.0.0.1:9/call", "from": "+15550001", "to": {"type": "fax", "number": "1"}}""", "to.type")]
    [InlineData("""{"call_hook": "http://127.0.0.1:9/call", "from": "+15550001", "to": {"type": "phone"}}""", "to.number")]
    [InlineData("""{"call_hook": "ftp://example.com/call", "from": "+15550001", "to": {"type": "phone", "number": "1"}}""", "call_hook")]
    [InlineData("""{"application_sid": "no-such-app", "from": "+15550001", "to": {"type": "phone", "number": "1"}}""", "application_sid")]
    [InlineData("""{"call_hook": "http://127.0.0.1:9/call", "from": "a b", "to": {"type": "phone", "number": "1"}}""", "from")]
    [InlineData("""{"call_hook": "http://127.0.0.1:9/call", "from": "1", "to": {"type": "sip", "sipUri": "mailto:x"}}""", "to.sipUri")]
    [InlineData("""{"call_hook": "http://127.0.0.1:9/call", "from": "1", "to": {"type": "phone", "number": "1"}, "headers": {"Via": "x"}}""", "headers.Via")]
    [InlineData("""{"call_hook": "http://127.0.0.1:9/call", "from": "1", "to": {"type": "phone", "number": "1", "trunk": "nope"}}""", "to.trunk")]
    public async Task Create_WithAnInvalidField_Answers400NamingItAndPlacesNoCall(string body, string field)
    {
        await using var server = await TestServer.StartAsync("sip:127.0.0.1:9");

        var response = await server.Client.PostAsync(CallsPath(server), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, server.App.Services.GetRequiredService<CallEngine>().LiveCallCount);
    }

    [Fact]
    public async Task Calls_OfAnotherAccount_Answer404()
    {
        await using var server = await TestServer.StartAsync("sip:127.0.0.1:9");
        const string other = "/v1/Accounts/00000000-0000-0000-0000-000000000000/Calls";

        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.PostAsJsonAsync(other, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"{CallsPath(server)}/no-such-call")).StatusCode);
    }

    [Fact]
    public async Task AVerbNotYetSupported_IsSkipped_TheCallGoesOn_AndTheCallShowsTheWarning()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [
                  {"verb": "config", "record": {"action": "startCallRecording", "siprecServerURL": "sip:recorder@example.com"}},
                  {"verb": "conference", "name": "sales-room"},
                  {"verb": "say", "text": "Still here."},
                  {"verb": "hangup"}
                ]
                """),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;

        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        var heard = RtpAnalysis.Analyse(rtp.Packets, payloadType: 8);
        Assert.True(heard.SpeechPackets > 20, $"the say after the skipped verbs was not heard: {heard.SpeechPackets} of {heard.Packets} packets carried speech");

        var call = await server.Client.GetFromJsonAsync<JsonElement>($"{CallsPath(server)}/{sid}");
        var warnings = call.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("detail").GetString()!).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.StartsWith("config.record: SIPREC", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("conference: not supported", warnings[1], StringComparison.Ordinal);
        Assert.All(call.GetProperty("warnings").EnumerateArray(), w => Assert.Equal("Skipped", w.GetProperty("title").GetString()));
    }

    private static JsonObject CallRequest(WebhookReceiver hooks, SippProcess callee) => new()
    {
        ["call_hook"] = hooks.Url("/call"),
        ["call_status_hook"] = hooks.Url("/status"),
        ["from"] = "+15550001",
        ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
    };

    /// <summary>A 16-bit mono PCM WAV of one sine tone.</summary>
    private static byte[] ToneWav(int sampleRate, double frequency, double seconds)
    {
        var samples = (int)(sampleRate * seconds);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(12000 * Math.Sin(2 * Math.PI * frequency * i / sampleRate)));
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static string CallsPath(TestServer server) => $"/v1/Accounts/{server.App.AccountSid}/Calls";

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();

    private static string FirstInvite(string messages)
    {
        var text = messages.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
        Assert.True(start >= 0, "SIPp logged no INVITE: " + messages);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
