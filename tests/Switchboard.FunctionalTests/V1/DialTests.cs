using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// The <c>dial</c> verb for real: a SIPp caller's application dials two SIPp callees at once; the first to answer
/// is bridged to the caller and the other gets CANCEL; when the callee hangs up, the action hook hears how the dial
/// ended and the caller's application goes on.
/// </summary>
public sealed class DialTests
{
    private const string Number = "+15558880002";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Dial_ToTwoTargets_BridgesTheFirstToAnswerAndCancelsTheOther()
    {
        await using var agentAudio = RtpSink.Start();
        await using var ringer = await SippProcess.StartCalleeAsync("uas_ring_forever.xml");
        await using var agent = await SippProcess.StartCalleeAsync(
            "uas_answer_then_bye.xml",
            new Dictionary<string, string> { ["rtp_sink"] = agentAudio.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [
                  {"verb": "dial", "actionHook": "/dial-action", "callerId": "+15551110000", "timeout": 20,
                   "target": [
                     {"type": "sip", "sipUri": "sip:ringer@127.0.0.1:{{ringer.Port}}"},
                     {"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}
                   ]},
                  {"verb": "say", "text": "This is not reached: the action hook replaces it."}
                ]
                """),
            "/dial-action" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await StartSalesLineAsync(hooks);

        await using var caller = await SippProcess.StartCallerAsync("uac_press_one.xml", server.App.SipEndPoint, Number);

        var action = await hooks.WaitForAsync(w => w.Path == "/dial-action", Patience);
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(0, await ringer.WaitForExitAsync(Patience));

        var parentSid = hooks.Received.Single(w => w.Path == "/call").Body.GetProperty("call_sid").GetString();
        Assert.Equal("completed", action.Body.GetProperty("dial_call_status").GetString());
        Assert.Equal(200, action.Body.GetProperty("dial_sip_status").GetInt32());
        Assert.True(action.Body.GetProperty("duration").GetInt32() >= 3);
        Assert.Equal(action.Body.GetProperty("duration").GetInt32(), action.Body.GetProperty("dial_call_duration").GetInt32());
        var legSid = action.Body.GetProperty("dial_call_sid").GetString();
        Assert.NotEqual(parentSid, legSid);

        // The agent's leg is a call of its own, linked to the caller's, reported on the same status hook.
        var legStatuses = await WaitForFinalAsync(hooks, legSid!);
        Assert.Equal(["trying", "ringing", "in-progress", "completed"], legStatuses.Select(Status));
        // The agent hung up its own leg (jambonz names the far end "caller", whichever way the call went); the
        // caller's call was ended by the application's hangup.
        Assert.Equal("caller", legStatuses[^1].Body.GetProperty("call_termination_by").GetString());
        var callerCompleted = await WaitForFinalAsync(hooks, parentSid!);
        Assert.Equal("jambonz", callerCompleted[^1].Body.GetProperty("call_termination_by").GetString());
        Assert.All(legStatuses, w => Assert.Equal(parentSid, w.Body.GetProperty("parent_call_sid").GetString()));
        var leg = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls/{legSid}");
        Assert.Equal(parentSid, leg.GetProperty("parent_call_sid").GetString());

        // The other target rang and was canceled; the agent saw the dial's caller ID.
        Assert.Contains("CANCEL sip:ringer@", ringer.Messages(), StringComparison.Ordinal);
        Assert.Contains("<sip:+15551110000@", agent.Messages(), StringComparison.Ordinal);

        // The caller's key (RFC 4733, sent once the caller was answered) crossed the bridge to the agent.
        var keys = RtpAnalysis.TelephoneEvents(agentAudio.Packets, payloadType: 101);
        Assert.Equal([1], keys);
    }

    [Fact]
    public async Task Dial_BridgesTheCallersSpeech_TranscodedToTheCalleesCodec()
    {
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync("uas_answer_then_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = agentAudio.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, $$"""[{"verb": "dial", "target": [{"type": "sip", "sipUri": "sip:agent@127.0.0.1:{{agent.Port}}"}]}, {"verb": "hangup"}]""")
            : (200, null);
        await using var server = await StartSalesLineAsync(hooks);

        // The caller speaks PCMA (SIPp's g711a capture); the agent took PCMU.
        await using var caller = await SippProcess.StartCallerAsync("uac_talk_pcma.xml", server.App.SipEndPoint, Number);

        Assert.Equal(0, await agent.WaitForExitAsync(Patience));
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        var heard = RtpAnalysis.Analyse(agentAudio.Packets, payloadType: 0);
        Assert.True(heard.SpeechPackets > 50, $"the agent heard {heard.SpeechPackets} packets of speech out of {heard.Packets}");
        Assert.InRange(heard.MedianIntervalMs, 18, 22);
    }

    private static async Task<TestServer> StartSalesLineAsync(WebhookReceiver hooks)
    {
        var server = await TestServer.StartAsync(defaultCarrier: null);
        var application = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/Applications",
            new { name = "sales line", call_hook = hooks.Url("/call"), call_status_hook = hooks.Url("/status") });
        var applicationSid = (await application.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
        await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/PhoneNumbers", new { number = Number, application_sid = applicationSid });
        return server;
    }

    private static async Task<List<ReceivedWebhook>> WaitForFinalAsync(WebhookReceiver hooks, string callSid)
    {
        await hooks.WaitForAsync(w => w.Path == "/status" && CallSid(w) == callSid && Status(w) is "completed" or "failed" or "busy" or "no-answer", Patience);
        return hooks.Received.Where(w => w.Path == "/status" && CallSid(w) == callSid).ToList();
    }

    private static string? CallSid(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_sid").GetString();

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
