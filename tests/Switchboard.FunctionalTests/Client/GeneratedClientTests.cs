using Switchboard.FunctionalTests.Generated;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Client;

/// <summary>
/// The client NSwag generates from docs/api/openapi.json at build time (see the project file), used as any
/// application would: it places a real call that a SIPp callee answers, reads it back, and gets a refusal as the
/// problem the document declares. <see cref="CheckedInDocumentTests"/> keeps that document the served one.
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task GeneratedClient_PlacesACall_ThatTheCalleeAnswers_AndReadsItBack()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "say", "text": "This call was placed by a generated client."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var api = new GeneratedSwitchboardApi(server.Client);

        var placed = await api.PostAccountCallsAsync(server.App.AccountSid, idempotency_Key: null, new NewCall
        {
            From = "+15550001",
            To = new To2 { Type = To2Type.Sip, SipUri = $"sip:+15550002@127.0.0.1:{callee.Port}" },
            Call_hook = new Uri(hooks.Url("/call")),
            Call_status_hook = new Uri(hooks.Url("/status")),
        });

        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Contains(hooks.Received, w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "in-progress");
        var call = await api.GetAccountCallAsync(placed.Sid, server.App.AccountSid);
        Assert.Equal(("completed", placed.Callid, 200), (call.Call_status, call.Call_id, call.Sip_status));
        Assert.NotNull(call.Answered_at);
        var listed = await api.GetCallsAsync(status: null, callStatus: null, direction: null, from: null, to: null, start: null, end: null, application_sid: null, tag: null, limit: 10, cursor: null);
        Assert.Contains(listed, c => c.Call_sid == placed.Sid);
    }

    [Fact]
    public async Task GeneratedClient_GetsARefusal_AsTheProblemNamingTheField()
    {
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var api = new GeneratedSwitchboardApi(server.Client);

        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => api.PostCallsAsync(idempotency_Key: null, new NewCall
        {
            From = "+15550001",
            To = new To2 { Type = To2Type.Phone, Number = "call me maybe" },
            Call_hook = new Uri("http://127.0.0.1:9/call"),
        }));

        Assert.Equal((400, "to.number"), (refused.StatusCode, refused.Result.Field));
    }
}
