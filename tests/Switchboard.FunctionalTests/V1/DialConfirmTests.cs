using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz <c>dial</c> with <c>confirmHook</c>, for real: a SIPp agent answers, hears the confirmation application on
/// its own leg while the SIPp caller still rings, and is bridged only if that application ends with the agent still
/// there; otherwise the dial goes on as not connected and its action hook says so.
/// </summary>
public sealed class DialConfirmTests
{
    private const string Number = "+15558880003";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task ConfirmHook_AKeyGatheredOnTheAgentsLeg_ThenAnEmptyAnswer_BridgesTheCaller()
    {
        // The agent's media is the test's socket, which hears what Switchboard sends it and presses its key.
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = agentAudio.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            // The leg's time limit (from its answer) ends the bridge a few seconds after the confirmation.
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "confirmHook": "/confirm", "timeLimit": 15,
                  "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}]
                """),
            "/confirm" => (200, """
                [{"verb": "gather", "input": ["digits"], "numDigits": 1, "timeout": 10, "actionHook": "/confirmed",
                  "say": {"text": "You have a call from the sales line. Press one to take it."}}]
                """),
            "/confirmed" => (200, "[]"),
            "/dial-action" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);

        // The caller presses 1 a moment after it is answered: only the bridge carries that key to the agent.
        await using var caller = await SippProcess.StartCallerAsync("uac_press_one.xml", server.App.SipEndPoint, Number);

        // Once it has heard a second of the prompt, the agent presses 1 (one RFC 4733 end packet: event 1, volume
        // 10, 100 ms).
        using var pressing = new CancellationTokenSource(Patience);
        while (RtpAnalysis.Analyse(agentAudio.Packets, payloadType: 8).SpeechPackets < 50)
        {
            await Task.Delay(100, pressing.Token);
        }

        await agentAudio.SpeakAsync([[1, 0x80 | 10, 0x03, 0x20]], payloadType: 101, frameMilliseconds: 20, pressing.Token);

        var action = await hooks.WaitForAsync(w => w.Path == "/dial-action", Patience);
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));

        // The confirm hook was posted the agent's own leg: its sid, the caller's as parent, outbound.
        var parentSid = CallSid(hooks.Received.Single(w => w.Path == "/call"));
        var confirm = hooks.Received.Single(w => w.Path == "/confirm");
        var legSid = CallSid(confirm);
        Assert.NotEqual(parentSid, legSid);
        Assert.Equal(parentSid, confirm.Body.GetProperty("parent_call_sid").GetString());
        Assert.Equal("outbound", confirm.Body.GetProperty("direction").GetString());
        Assert.Equal("in-progress", confirm.Body.GetProperty("call_status").GetString());
        var confirmed = hooks.Received.Single(w => w.Path == "/confirmed");
        Assert.Equal(("1", legSid), (confirmed.Body.GetProperty("digits").GetString(), CallSid(confirmed)));

        // The caller was answered only once the agent had confirmed.
        var received = hooks.Received.ToList();
        var callerAnswered = received.FindIndex(w => w.Path == "/status" && CallSid(w) == parentSid && Status(w) == "in-progress");
        Assert.True(callerAnswered > received.IndexOf(confirmed), "the caller was answered before the agent confirmed");

        Assert.Equal("completed", action.Body.GetProperty("dial_call_status").GetString());
        Assert.Equal(legSid, action.Body.GetProperty("dial_call_sid").GetString());
        Assert.True(action.Body.GetProperty("dial_call_duration").GetInt32() >= 2);

        // The agent heard the caller's key across the bridge.
        Assert.Equal([1], RtpAnalysis.TelephoneEvents(agentAudio.Packets, payloadType: 101));
    }

    public static TheoryData<string, string> UnconfirmedAnswers => new()
    {
        // The application hangs the agent up: as in jambonz, the dial reports the agent's leg completed.
        { """[{"verb": "say", "text": "Sorry, not now."}, {"verb": "hangup"}]""", "completed" },
        // A reply that is no application fails the leg, which is hung up; the caller goes on.
        { """[{"verb": "dance"}]""", "failed" },
        // jambonz refuses a dial (or sip:decline) in a confirmation application: the leg is hung up too.
        { """[{"verb": "dial", "target": [{"type": "sip", "sipUri": "sip:x@127.0.0.1:9"}]}]""", "failed" },
    };

    [Theory]
    [MemberData(nameof(UnconfirmedAnswers))]
    public async Task ConfirmHook_ThatDoesNotConfirm_HangsTheAgentUp_AndTheCallerGoesOnUnbridged(string confirmAnswer, string dialCallStatus)
    {
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync(
            "uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = agentAudio.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "confirmHook": "/confirm",
                  "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}]
                """),
            "/confirm" => (200, confirmAnswer),
            "/dial-action" => (200, """[{"verb": "say", "text": "Nobody could take your call."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);

        await using var caller = await SippProcess.StartCallerAsync("uac_press_one.xml", server.App.SipEndPoint, Number);

        var action = await hooks.WaitForAsync(w => w.Path == "/dial-action", Patience);
        // Neither party is stranded: the agent got our BYE, the caller heard the action hook's verbs and got ours.
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));

        var legSid = CallSid(hooks.Received.Single(w => w.Path == "/confirm"));
        Assert.Equal(dialCallStatus, action.Body.GetProperty("dial_call_status").GetString());
        Assert.Equal(legSid, action.Body.GetProperty("dial_call_sid").GetString());
        Assert.Equal(0, action.Body.GetProperty("dial_call_duration").GetInt32());
        var legFinal = await hooks.WaitForAsync(w => w.Path == "/status" && CallSid(w) == legSid && Status(w) is "completed" or "failed", Patience);
        Assert.Equal(dialCallStatus, Status(legFinal));
        // The caller's key, pressed once it was answered for the action hook's say, never reached the agent.
        Assert.Empty(RtpAnalysis.TelephoneEvents(agentAudio.Packets, payloadType: 101));
    }

    internal static async Task<TestServer> StartSalesLineAsync(WebhookReceiver hooks)
    {
        var server = await TestServer.StartAsync(defaultCarrier: null);
        var application = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/Applications",
            new { name = "sales line", call_hook = hooks.Url("/call"), call_status_hook = hooks.Url("/status") });
        var applicationSid = (await application.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
        await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/PhoneNumbers", new { number = Number, application_sid = applicationSid });
        return server;
    }

    internal static string? CallSid(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_sid").GetString();

    internal static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
