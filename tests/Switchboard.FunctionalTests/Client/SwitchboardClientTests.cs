using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Client;
using Switchboard.Client.Callback;
using Switchboard.Client.Calls;
using Switchboard.Client.Conversation;
using Switchboard.Client.EventAction;
using Switchboard.Client.Webhooks;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Client;

/// <summary>
/// Switchboard.Client against the real server: a call placed, read, listed and hung up; refusals as typed exceptions
/// naming the field in each dialect; and the signature filter in an ASP.NET Core application that real webhooks
/// pass and tampered, foreign or stale ones do not.
/// </summary>
public sealed class SwitchboardClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Calls_PlaceReadListAndHangUp_ACallTheCalleeAnswered()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "pause", "length": 30}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        var placed = await server.Api.Calls.CreateAsync(CallPlacement.To(callee, hooks) with { Tag = new() { ["order"] = "A-17" } });
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "in-progress", Patience);

        var live = await server.Api.Calls.GetAsync(placed.Sid);
        Assert.Equal(("in-progress", placed.SipCallId), (live.CallStatus, live.SipCallId));
        var page = await server.Api.Calls.ListAsync(new CallFilter { Status = "in-progress", Tag = "order:A-17", Limit = 5 });
        Assert.Equal(placed.Sid, Assert.Single(page.Calls).CallSid);
        Assert.Null(page.NextCursor);

        await server.Api.Calls.HangUpAsync(placed.Sid);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        var ended = await server.Api.Calls.GetAsync(placed.Sid);
        Assert.Equal(("completed", "api"), (ended.CallStatus, ended.HangupBy));
    }

    [Fact]
    public async Task Conversations_AnEscalationNobodyTakes_EndsNoAnswer_AndReadsBackWithEveryAttempt()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml", calls: 2);
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var created = await server.Api.Conversations.CreateAsync(new ConversationRequest
        {
            From = "123",
            To = new PhoneTarget("+15550002"),
            DialPlan = new DialPlan([ConversationVerb.Say("Ticket"), ConversationVerb.Collect(hooks.Url("/collect"))]),
            Callback = new StatusCallback(hooks.Url("/status")),
            Escalation = new EscalationPlan { Recipients = [new PhoneTarget("+15550003")], Attempts = 1 },
        });
        await hooks.WaitForAsync(w => w.Body.TryGetProperty("outcome", out var outcome) && outcome.GetProperty("name").GetString() == "NoAnswer", Patience);

        var escalation = await server.Api.Conversations.GetEscalationAsync(created.ConversationTrackingId);
        Assert.Equal(("Queued", "Ended", "NoAnswer"), (created.Status, escalation.State, escalation.Outcome));
        Assert.Equal(["+15550002", "+15550003"], escalation.Attempts.Select(attempt => attempt.Recipient));
        Assert.Equal(created.TrackingId, escalation.Attempts[0].MessageId);
    }

    [Fact]
    public async Task Refusals_AreTypedExceptions_NamingTheField_InEveryDialect()
    {
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var api = server.Api;

        var call = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.Calls.CreateAsync(new CreateCallRequest
        {
            From = "+15550001",
            To = CallTarget.Phone("call me maybe"),
            CallHook = "http://127.0.0.1:9/call",
        }));
        var conversation = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.Conversations.CreateAsync(new ConversationRequest
        {
            From = "+15550001",
            To = new PhoneTarget("+15550002"),
            DialPlan = new DialPlan([ConversationVerb.Say("Hello"), ConversationVerb.Pause(5000)]),
        }));
        var callback = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.Callbacks.CreateAsync(new CallbackRequest
        {
            LegA = new CallbackLeg { To = "+15550001", From = "+15550002" },
            LegB = new CallbackLeg { To = "sip:", From = "+15550001" },
        }));
        var eventAction = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.EventAction.CreateAsync(new EventActionCallRequest
        {
            CallerId = "+15550001",
            DialedNumber = "+15550002",
            CallbackUrl = "not a url",
        }));
        var missing = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.Callbacks.GetAsync("no-such-session"));

        Assert.Equal((HttpStatusCode.BadRequest, "to.number"), (call.Status, call.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "dialPlan.verbs[1].duration"), (conversation.Status, conversation.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "leg_B.to"), (callback.Status, callback.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "callbackUrl"), (eventAction.Status, eventAction.Field));
        Assert.Equal((HttpStatusCode.NotFound, null), (missing.Status, missing.Field));
        Assert.Contains("to.number", call.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignatureFilter_PassesTheServersRealWebhooks_AndRefusesTamperedForeignOrStaleOnes()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var secret = await SignatureCheck.SecretAsync(server);
        await using var app = await SignedWebhookApp.StartAsync(secret, """[{"verb": "say", "text": "Your webhook was verified."}, {"verb": "hangup"}]""");

        // The call hook goes to the verifying application: the call runs its verbs only if the filter let it through.
        await server.Api.Calls.CreateAsync(CallPlacement.To(callee, hooks) with { CallHook = app.BaseUrl + "/call" });
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Equal("in-progress", Assert.Single(app.Calls).GetProperty("call_status").GetString());

        // A real status webhook, as the server signed it, replayed at the application.
        var header = completed.Headers[WebhookSignatureVerifier.HeaderName];
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, "/replay", completed.RawBody, header));
        var tampered = completed.RawBody.ToArray();
        tampered[Array.IndexOf(tampered, (byte)'0')] = (byte)'1';
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/replay", tampered, header));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/replay", completed.RawBody, header: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/foreign", completed.RawBody, header));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, "/later", completed.RawBody, header));

        // The verifier alone, on the same webhook.
        Assert.True(new WebhookSignatureVerifier(secret).Verify(header, completed.RawBody));
        Assert.True(new WebhookSignatureVerifier(["whsec_rotated_out", secret]).Verify(header, completed.RawBody));
        Assert.False(new WebhookSignatureVerifier(secret).Verify(header, tampered));
        Assert.False(new WebhookSignatureVerifier(secret + "x").Verify(header, completed.RawBody));
    }

    [Fact]
    public async Task SignatureFilter_PassesGetHooks_SignedOverTheirPathAndQuery()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var server = await TestServer.StartAsync(callee.Uri);
        var secret = await SignatureCheck.SecretAsync(server);
        await using var app = await SignedWebhookApp.StartAsync(secret, """[{"verb": "say", "text": "Statuses come by GET."}, {"verb": "hangup"}]""");

        // The client's hooks are URLs (POST); a GET hook is the object form, so this request is written out.
        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
        {
            ["call_hook"] = app.BaseUrl + "/call",
            ["call_status_hook"] = new JsonObject { ["url"] = app.BaseUrl + "/status?campaign=spring%20sale", ["method"] = "GET" },
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        var deadline = DateTime.UtcNow + Patience;
        while (!app.Statuses.Contains("completed") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(["trying", "ringing", "in-progress", "completed"], app.Statuses);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, byte[] body, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.HeaderName, header);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
