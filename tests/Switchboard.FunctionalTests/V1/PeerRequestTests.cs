using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// What the SIPp party of a call (no dial) sends inside the dialog reaching the application, for real: a REFER goes to
/// <c>config.referHook</c> (the party hears the outcome in NOTIFYs), a MESSAGE to <c>config.sipRequestWithinDialogHook</c>;
/// each hook's verbs replace the call's.
/// </summary>
public sealed class PeerRequestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task ConfigReferHook_HearsThePartysTransfer_AndItsVerbsReplaceTheApplication()
    {
        await using var audio = RtpSink.Start();
        await using var party = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_answer_then_refer.xml", new Dictionary<string, string> { ["refer_after_ms"] = "1500" }),
            new Dictionary<string, string> { ["rtp_sink"] = audio.Port.ToString(), ["refer_to"] = "tel:+15550009" });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "config", "referHook": "/refer"}, {"verb": "pause", "length": 20}, {"verb": "hangup"}]"""),
            "/refer" => (200, """[{"verb": "say", "text": "Your transfer is on its way."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(party.Uri);

        var sid = await server.PlaceCallAsync(hooks, party);

        var refer = await hooks.WaitForAsync(w => w.Path == "/refer", Patience);
        var details = refer.Body.GetProperty("refer_details");
        Assert.Equal(("+15550009", sid), (details.GetProperty("refer_to_user").GetString(), details.GetProperty("referring_call_sid").GetString()));
        Assert.Equal(JsonValueKind.Null, details.GetProperty("referred_call_sid").ValueKind);

        // The party heard the hook's verbs (not twenty seconds of silence) and got our BYE after both NOTIFYs.
        Assert.Equal(0, await party.WaitForExitAsync(Patience));
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.InRange(completed.Body.GetProperty("duration").GetInt32(), 1, 12);
        Assert.True(RtpAnalysis.Analyse(audio.Packets, payloadType: 0).SpeechPackets > 30, "the party heard the refer hook's say");
    }

    [Fact]
    public async Task SipRequestWithinDialogHook_HearsThePartysMessage_AndItsVerbsReplaceTheApplication()
    {
        await using var audio = RtpSink.Start();
        await using var party = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_answer_then_message.xml", new Dictionary<string, string> { ["message_after_ms"] = "1500" }),
            new Dictionary<string, string> { ["rtp_sink"] = audio.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "config", "sipRequestWithinDialogHook": "/sip-request"}, {"verb": "pause", "length": 20}, {"verb": "hangup"}]"""),
            "/sip-request" => (200, """[{"verb": "say", "text": "We will call you back after five."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(party.Uri);

        var sid = await server.PlaceCallAsync(hooks, party);

        var request = await hooks.WaitForAsync(w => w.Path == "/sip-request", Patience);
        Assert.Equal(sid, request.Body.GetProperty("call_sid").GetString());
        Assert.Equal(("MESSAGE", "Please call me back after five."), (request.Body.GetProperty("sip_method").GetString(), request.Body.GetProperty("sip_body").GetString()!.Trim()));
        Assert.Equal(("4711", "text/plain"), (request.Body.GetProperty("sip_headers").GetProperty("x-ticket").GetString(),
            request.Body.GetProperty("sip_headers").GetProperty("content-type").GetString()));
        Assert.Equal(0, await party.WaitForExitAsync(Patience));
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.InRange(completed.Body.GetProperty("duration").GetInt32(), 1, 12);
    }
}
