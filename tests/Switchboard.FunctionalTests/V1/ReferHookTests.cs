using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz's <c>config.referHook</c>, for real: the SIPp party of a call (no dial) sends REFER, the application's hook
/// hears it and answers with the verbs the call runs instead; the party hears the outcome in NOTIFYs, then our BYE.
/// </summary>
public sealed class ReferHookTests
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

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{party.Port}" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

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
}
