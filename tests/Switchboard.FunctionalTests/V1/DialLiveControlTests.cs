using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;
using static Switchboard.FunctionalTests.V1.DialConfirmTests;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz's live control of a connected <c>dial</c>, for real: a SIPp caller is bridged to a SIPp agent, each with
/// the test's socket for its audio; a <c>whisper</c> is heard by the party it names alone, and a
/// <c>child_call_hook</c> takes the agent out of the dial into an application of its own.
/// </summary>
public sealed class DialLiveControlTests
{
    private const string Number = "+15558880003";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Whisper_IsHeardByThePartyItNames_ThenTheBridgeComesBack()
    {
        await using var callerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(agentAudio));
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "timeLimit": 25,
                  "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}]
                """),
            "/dial-action" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);
        await using var caller = await SippProcess.StartCallerAsync("uac_await_bye.xml", server.App.SipEndPoint, Number, Sink(callerAudio));
        var (parentSid, legSid) = await ConnectedAsync(hooks);

        var refused = await server.Client.PutAsJsonAsync(CallUrl(server, legSid), new { whisper = new { verb = "gather", input = new[] { "digits" } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("whisper.verb", await refused.Content.ReadAsStringAsync());

        // The agent hears the first whisper; the caller, the second (jambonz's keyed form, in an array).
        await PutWhileRingingAsync(server, legSid, new { whisper = new { verb = "say", text = "A customer from the sales line, about an order." } });
        await WaitForSpeechAsync(agentAudio, packets: 50);
        Assert.Equal(0, Speech(callerAudio));
        await PutWhileRingingAsync(server, parentSid, new { whisper = new[] { new { say = new { text = "Please hold on a moment." } } } });
        await WaitForSpeechAsync(callerAudio, packets: 50);

        // Once the caller's whisper has played, the two are bridged again: a key the agent presses reaches the caller.
        await WaitUntilQuietAsync(callerAudio);
        using var pressing = new CancellationTokenSource(Patience);
        await agentAudio.SpeakAsync([[1, 0x80 | 10, 0x03, 0x20]], payloadType: 101, frameMilliseconds: 20, pressing.Token);
        while (RtpAnalysis.TelephoneEvents(callerAudio.Packets, payloadType: 101).Length == 0)
        {
            await Task.Delay(100, pressing.Token);
        }

        Assert.Equal([1], RtpAnalysis.TelephoneEvents(callerAudio.Packets, payloadType: 101));
        var action = await hooks.WaitForAsync(w => w.Path == "/dial-action", Patience);
        Assert.Equal(("completed", legSid), (action.Body.GetProperty("dial_call_status").GetString(), action.Body.GetProperty("dial_call_sid").GetString()));
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task ChildCallHook_TakesTheAgentOutOfTheDial_IntoItsOwnApplication_AndTheCallerGoesOn()
    {
        await using var callerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(agentAudio));
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action",
                  "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}]
                """),
            "/agent-app" => (200, """[{"verb": "say", "text": "The customer has been handed to the billing team."}, {"verb": "hangup"}]"""),
            "/dial-action" => (200, """[{"verb": "say", "text": "The agent has left the call. Goodbye."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);
        await using var caller = await SippProcess.StartCallerAsync("uac_await_bye.xml", server.App.SipEndPoint, Number, Sink(callerAudio));
        var (parentSid, legSid) = await ConnectedAsync(hooks);

        await PutWhileRingingAsync(server, parentSid, new { child_call_hook = hooks.Url("/agent-app") });

        // The agent's own application was asked with the agent's leg; the caller's dial ended as if the agent had left.
        var agentApp = await hooks.WaitForAsync(w => w.Path == "/agent-app", Patience);
        Assert.Equal((legSid, parentSid), (CallSid(agentApp), agentApp.Body.GetProperty("parent_call_sid").GetString()));
        var action = await hooks.WaitForAsync(w => w.Path == "/dial-action", Patience);
        Assert.Equal(("completed", legSid), (action.Body.GetProperty("dial_call_status").GetString(), action.Body.GetProperty("dial_call_sid").GetString()));

        // Each heard its own application and was hung up by it; the agent's leg is no longer the dial's to whisper to.
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.True(Speech(agentAudio) > 50, "the agent heard its own application");
        Assert.True(Speech(callerAudio) > 50, "the caller heard the dial's action hook");
        var legFinal = await hooks.WaitForAsync(w => w.Path == "/status" && CallSid(w) == legSid && Status(w) == "completed", Patience);
        Assert.NotNull(legFinal);
        var late = await server.Client.PutAsJsonAsync(CallUrl(server, legSid), new { whisper = new { verb = "say", text = "too late" } });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task AgentsBlindTransfer_IsPostedToTheReferHook_WhoseDialMovesTheCallerToTheTarget()
    {
        await using var callerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var targetAudio = RtpSink.Start();
        await using var target = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(targetAudio));
        await using var agent = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_answer_then_refer.xml", new Dictionary<string, string> { ["refer_after_ms"] = "2000" }),
            new Dictionary<string, string>(Sink(agentAudio)) { ["refer_to"] = "sip:billing@127.0.0.1" });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "referHook": "/refer",
                  "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}]
                """),
            // The application sends the caller where the agent asked, by the user the REFER named.
            "/refer" => (200, $$"""
                [{"verb": "dial", "actionHook": "/transfer-action", "timeLimit": 4,
                  "target": [{"type": "sip", "sipUri": "sip:{{webhook.Body.GetProperty("refer_details").GetProperty("refer_to_user").GetString()}}@127.0.0.1:{{target.Port}}"}]}]
                """),
            "/transfer-action" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);
        await using var caller = await SippProcess.StartCallerAsync("uac_await_bye.xml", server.App.SipEndPoint, Number, Sink(callerAudio));
        var (parentSid, legSid) = await ConnectedAsync(hooks);

        // The hook hears the agent's leg, whom it asked to reach, and who asked.
        var refer = await hooks.WaitForAsync(w => w.Path == "/refer", Patience);
        Assert.Equal(legSid, CallSid(refer));
        var details = refer.Body.GetProperty("refer_details");
        Assert.Equal(("<sip:billing@127.0.0.1>", "billing", "agent"), (details.GetProperty("sip_refer_to").GetString(),
            details.GetProperty("refer_to_user").GetString(), details.GetProperty("referred_by_user").GetString()));
        Assert.Equal((legSid, parentSid), (details.GetProperty("referring_call_sid").GetString(), details.GetProperty("referred_call_sid").GetString()));
        Assert.Equal(("billing", "Desk Phone 1.0"), (details.GetProperty("X-Transfer-Reason").GetString(), details.GetProperty("sip_user_agent").GetString()));

        // The agent saw its transfer succeed and was let go; the caller was connected to the target, then hung up.
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        var transferred = await hooks.WaitForAsync(w => w.Path == "/transfer-action", Patience);
        Assert.Equal(parentSid, CallSid(transferred));
        Assert.Equal("completed", transferred.Body.GetProperty("dial_call_status").GetString());
        Assert.Equal(0, await target.WaitForExitAsync(Patience));
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        // The REFER left the first dial without its action hook: the new verbs replaced the caller's application.
        Assert.DoesNotContain(hooks.Received, w => w.Path == "/dial-action");
    }

    [Fact]
    public async Task DtmfHook_HearsTheKeyPatternsEachPartyPresses_WithThatPartysCall()
    {
        await using var callerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", Sink(agentAudio));
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "timeLimit": 12, "dtmfHook": "/dtmf",
                  "dtmfCapture": {"parentCall": ["*2"], "childCall": ["#9"]},
                  "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}]
                """),
            "/dial-action" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);
        await using var caller = await SippProcess.StartCallerAsync("uac_await_bye.xml", server.App.SipEndPoint, Number, Sink(callerAudio));
        var (parentSid, legSid) = await ConnectedAsync(hooks);
        // Only a connected dial takes a whisper: once it has played, the two are bridged and their keys watched.
        await PutWhileRingingAsync(server, legSid, new { whisper = new { verb = "say", text = "Connected." } });
        await WaitForSpeechAsync(agentAudio, packets: 10);
        await WaitUntilQuietAsync(agentAudio);

        // RFC 4733 end packets (volume 10, 100 ms): the agent presses # then 9, the caller * then 2.
        using var pressing = new CancellationTokenSource(Patience);
        await agentAudio.SpeakAsync([[11, 0x80 | 10, 0x03, 0x20], [9, 0x80 | 10, 0x03, 0x20]], payloadType: 101, frameMilliseconds: 120, pressing.Token);
        var agentPattern = await hooks.WaitForAsync(w => w.Path == "/dtmf", Patience);
        await callerAudio.SpeakAsync([[10, 0x80 | 10, 0x03, 0x20], [2, 0x80 | 10, 0x03, 0x20]], payloadType: 101, frameMilliseconds: 120, pressing.Token);
        var callerPattern = await hooks.WaitForAsync(w => w.Path == "/dtmf" && CallSid(w) == parentSid, Patience);

        Assert.Equal(("#9", legSid), (agentPattern.Body.GetProperty("dtmf").GetString(), CallSid(agentPattern)));
        Assert.Equal("*2", callerPattern.Body.GetProperty("dtmf").GetString());
        Assert.Equal(2, hooks.Received.Count(w => w.Path == "/dtmf"));
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
    }

    private static Dictionary<string, string> Sink(RtpSink sink) => new() { ["rtp_sink"] = sink.Port.ToString(CultureInfo.InvariantCulture) };

    private static string CallUrl(TestServer server, string callSid) => $"/v1/Accounts/{server.App.AccountSid}/Calls/{callSid}";

    private static int Speech(RtpSink sink) => RtpAnalysis.Analyse(sink.Packets, payloadType: 8).SpeechPackets;

    /// <summary>The caller's sid and the agent's leg's, once the agent has answered.</summary>
    private static async Task<(string ParentSid, string LegSid)> ConnectedAsync(WebhookReceiver hooks)
    {
        var parentSid = CallSid(await hooks.WaitForAsync(w => w.Path == "/call", Patience))!;
        var legAnswered = await hooks.WaitForAsync(w => w.Path == "/status" && CallSid(w) != parentSid && Status(w) == "in-progress", Patience);
        return (parentSid, CallSid(legAnswered)!);
    }

    /// <summary>
    /// PUTs <paramref name="body"/>, again while the answer is 409 for a dial not yet connected: the agent's answer
    /// reaches the dial a moment after its status hook.
    /// </summary>
    private static async Task PutWhileRingingAsync(TestServer server, string callSid, object body)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var answer = await server.Client.PutAsJsonAsync(CallUrl(server, callSid), body, patience.Token);
            if (answer.StatusCode != HttpStatusCode.Conflict)
            {
                Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
                return;
            }

            Assert.Contains("not in a connected dial", await answer.Content.ReadAsStringAsync(patience.Token));
            await Task.Delay(100, patience.Token);
        }
    }

    private static async Task WaitForSpeechAsync(RtpSink sink, int packets)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (Speech(sink) < packets)
        {
            await Task.Delay(100, patience.Token);
        }
    }

    /// <summary>Waits until <paramref name="sink"/> has heard no speech for most of a second: its whisper is over.</summary>
    private static async Task WaitUntilQuietAsync(RtpSink sink)
    {
        using var patience = new CancellationTokenSource(Patience);
        var heard = Speech(sink);
        while (true)
        {
            await Task.Delay(800, patience.Token);
            var now = Speech(sink);
            if (now == heard)
            {
                return;
            }

            heard = now;
        }
    }
}
