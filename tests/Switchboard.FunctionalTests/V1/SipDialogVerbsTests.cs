using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz's verbs that act on the call's SIP dialog, against a SIPp callee: <c>sip:refer</c> (a blind transfer,
/// RFC 3515, whose NOTIFYs report the referred call), <c>sip:request</c>, and live control's <c>sip_request</c>.
/// </summary>
public sealed class SipDialogVerbsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Refer_AcceptedAndAnswered_ReportsProgress_PostsTheResult_AndHangsUpItsLeg()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_refer_notify.xml", Keys(rtp, "SIP/2.0 200 OK"));
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """
                [{"verb": "sip:refer", "referTo": "+15083084809", "referredByDisplayName": "Front Desk",
                  "headers": {"X-Transfer-Reason": "sales"}, "actionHook": "/refer", "eventHook": "/events"},
                 {"verb": "say", "text": "This must not run."}]
                """)
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);

        var sid = await server.PlaceCallAsync(hooks, callee);

        var result = await hooks.WaitForAsync(w => w.Path == "/refer", Patience);
        Assert.Equal(202, result.Body.GetProperty("refer_status").GetInt32());
        Assert.Equal(200, result.Body.GetProperty("final_referred_call_status").GetInt32());
        Assert.Equal(sid, result.Body.GetProperty("referring_call_sid").GetString());
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        var events = hooks.Received.Where(w => w.Path == "/events").Select(w => w.Body).ToList();
        Assert.Equal(["100", "200"], events.Select(e => e.GetProperty("call_status").GetString()));
        Assert.All(events, e => Assert.Equal("transfer-status", e.GetProperty("event").GetString()));
        var refer = Message(callee, "REFER");
        Assert.Contains("Refer-To: <sip:+15083084809@127.0.0.1>", refer, StringComparison.Ordinal);
        Assert.Contains("Referred-By: \"Front Desk\" <sip:", refer, StringComparison.Ordinal);
        Assert.Contains("X-Transfer-Reason: sales", refer, StringComparison.Ordinal);
        // Switchboard hung up its leg itself once the transfer succeeded: the callee received our BYE.
        Assert.Contains("BYE sip:", callee.Messages(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uas_answer_refer_notify.xml", "SIP/2.0 603 Declined", 202, 603)]
    [InlineData("uas_answer_refuse_refer.xml", null, 403, null)]
    public async Task Refer_RefusedOrFailed_EndsTheVerbWithThatStatus_AndTheCallGoesOn(string scenario, string? finalSipfrag, int referStatus, int? finalStatus)
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(scenario, Keys(rtp, finalSipfrag));
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [{"verb": "sip:refer", "referTo": "sip:sales@pbx.example.com", "actionHook": "/refer"},
                 {"verb": "redirect", "actionHook": "/after"}]
                """),
            "/after" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        await server.PlaceCallAsync(hooks, callee);

        var result = await hooks.WaitForAsync(w => w.Path == "/refer", Patience);
        Assert.Equal(referStatus, result.Body.GetProperty("refer_status").GetInt32());
        Assert.Equal(finalStatus, result.Body.TryGetProperty("final_referred_call_status", out var final) ? final.GetInt32() : null);
        // The verb after the transfer ran: its redirect reached the application, whose hangup ends the call.
        await hooks.WaitForAsync(w => w.Path == "/after", Patience);
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Contains("Refer-To: <sip:sales@pbx.example.com>", Message(callee, "REFER"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SipRequest_AndLiveSipRequest_ReachTheCalleeWithTheirHeadersAndBodies()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_info_message.xml", Keys(rtp, null));
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """
                [{"verb": "sip:request", "method": "INFO", "body": "{\"order\": 42}",
                  "headers": {"Content-Type": "application/json", "X-Metadata": "my sip metadata"}, "actionHook": "/info"},
                 {"verb": "pause", "length": 60}]
                """)
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);
        var sid = await server.PlaceCallAsync(hooks, callee);

        var info = await hooks.WaitForAsync(w => w.Path == "/info", Patience);
        Assert.Equal("success", info.Body.GetProperty("result").GetString());
        Assert.Equal(200, info.Body.GetProperty("sipStatus").GetInt32());

        var live = await server.Client.PutAsJsonAsync($"{CallsPath(server)}/{sid}", new
        {
            sip_request = new { method = "MESSAGE", content_type = "text/plain", content = "Your agent is Sara.", headers = new Dictionary<string, string> { ["X-Queue"] = "7" } },
        });
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var answer = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(202, answer.GetProperty("status").GetInt32());
        Assert.Equal("Accepted", answer.GetProperty("reason").GetString());

        await server.Api.Calls.HangUpAsync(sid);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        var sentInfo = Message(callee, "INFO");
        Assert.Contains("X-Metadata: my sip metadata", sentInfo, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", sentInfo, StringComparison.Ordinal);
        Assert.Contains("{\"order\": 42}", sentInfo, StringComparison.Ordinal);
        var sentMessage = Message(callee, "MESSAGE");
        Assert.Contains("X-Queue: 7", sentMessage, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", sentMessage, StringComparison.Ordinal);
        Assert.Contains("Your agent is Sara.", sentMessage, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Keys(RtpSink rtp, string? finalSipfrag)
    {
        var keys = new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (finalSipfrag is not null)
        {
            keys["final_sipfrag"] = finalSipfrag;
        }

        return keys;
    }

    /// <summary>The first <paramref name="method"/> request SIPp received, as its message log shows it.</summary>
    private static string Message(SippProcess callee, string method)
    {
        var log = callee.Messages();
        var start = log.IndexOf($"\n{method} sip:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {method} in the callee's log");
        var end = log.IndexOf("\n----", start, StringComparison.Ordinal);
        return end < 0 ? log[start..] : log[start..end];
    }

    private static string CallsPath(TestServer server) => $"/v1/Accounts/{server.App.AccountSid}/Calls";

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
