using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Calls.Limits;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Inbound calls for real: a SIPp caller dials a number configured under <c>PhoneNumbers</c>, and the number's
/// application answers through its <c>call_hook</c>; numbers nobody has and sources a carrier does not allow are
/// refused on the wire.
/// </summary>
public sealed class InboundCallsTests
{
    private const string Number = "+15558880001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Call_ToAConfiguredNumber_RunsItsApplicationAndHearsTheCallersKey()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """
                [
                  {"verb": "gather", "actionHook": "/action", "numDigits": 1, "timeout": 20,
                   "say": {"text": "Thank you for calling. Press one to speak to sales."}}
                ]
                """),
            "/action" => (200, """[{"verb": "say", "text": "Goodbye."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var applicationSid = await CreateApplicationAsync(server, hooks);
        await CreateNumberAsync(server, applicationSid, carrierSid: null);

        await using var caller = await SippProcess.StartCallerAsync("uac_press_one.xml", server.App.SipEndPoint, Number);

        var action = await hooks.WaitForAsync(w => w.Path == "/action", Patience);
        Assert.Equal("1", action.Body.GetProperty("digits").GetString());
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));

        var call = hooks.Received.Single(w => w.Path == "/call").Body;
        Assert.Equal("inbound", call.GetProperty("direction").GetString());
        Assert.Equal("+15557770001", call.GetProperty("from").GetString());
        Assert.Equal(Number, call.GetProperty("to").GetString());
        Assert.Equal("Alice Caller", call.GetProperty("caller_name").GetString());
        Assert.Equal(applicationSid, call.GetProperty("application_sid").GetString());
        // As jambonz: the call hook hears the call at trying, and nothing rings it before the gather answers.
        Assert.Equal("trying", call.GetProperty("call_status").GetString());
        Assert.Equal(call.GetProperty("call_sid").GetString()!.Replace("-", "", StringComparison.Ordinal), call.GetProperty("trace_id").GetString());
        Assert.Equal(["trying", "in-progress", "completed"], hooks.Received.Where(w => w.Path == "/status").Select(Status));

        // The INVITE itself, as jambonz hands it to the call hook: headers, Request-URI and SDP body.
        Assert.Equal("127.0.0.1", call.GetProperty("originating_sip_ip").GetString());
        Assert.Equal(call.GetProperty("call_id").GetString(), call.GetProperty("sbc_callid").GetString());
        var invite = call.GetProperty("sip");
        Assert.Equal("INVITE", invite.GetProperty("method").GetString());
        Assert.Contains(Number, invite.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Contains("Alice Caller", invite.GetProperty("headers").GetProperty("From").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("v=0", invite.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/sdp", invite.GetProperty("payload")[0].GetProperty("type").GetString());
        Assert.False(hooks.Received.Single(w => w.Path == "/action").Body.TryGetProperty("sip", out _), "only the first call hook carries the INVITE");

        var sid = call.GetProperty("call_sid").GetString();
        var stored = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls/{sid}");
        Assert.Equal("inbound", stored.GetProperty("direction").GetString());
        Assert.Equal("completed", stored.GetProperty("call_status").GetString());
        Assert.Equal(applicationSid, stored.GetProperty("application_sid").GetString());
        Assert.Equal("Alice Caller", stored.GetProperty("caller_name").GetString());
        Assert.DoesNotContain("SIP/2.0 180 Ringing", caller.Messages(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ToANumberNobodyHas_IsRefused404()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(defaultCarrier: null);

        await using var caller = await SippProcess.StartCallerAsync("uac_refused.xml", server.App.SipEndPoint, "+15550000000");

        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Contains("SIP/2.0 404 Not Found", caller.Messages(), StringComparison.Ordinal);
        Assert.Empty(hooks.Received);
    }

    [Fact]
    public async Task Call_FromOutsideTheCarriersAllowList_IsRefused403AndRunsNothing()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var applicationSid = await CreateApplicationAsync(server, hooks);
        var carrier = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/VoipCarriers",
            new { name = "upstream", host = "198.51.100.7", inbound_allow_list = new[] { "198.51.100.0/24" } });
        Assert.Equal(HttpStatusCode.Created, carrier.StatusCode);
        var carrierSid = (await carrier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
        await CreateNumberAsync(server, applicationSid, carrierSid);

        await using var caller = await SippProcess.StartCallerAsync("uac_refused.xml", server.App.SipEndPoint, Number);

        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Contains("SIP/2.0 403 Forbidden", caller.Messages(), StringComparison.Ordinal);
        Assert.Empty(hooks.Received);
    }

    [Fact]
    public async Task Call_WhoseApplicationDeclines_IsRefusedWithItsStatusAndHeaders_AndEndsBusy()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """[{"verb": "sip:decline", "status": 486, "reason": "Agents Busy", "headers": {"Retry-After": "300", "X-Queue": "sales"}}]""")
            : (200, null);
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var applicationSid = await CreateApplicationAsync(server, hooks);
        await CreateNumberAsync(server, applicationSid, carrierSid: null);

        await using var caller = await SippProcess.StartCallerAsync("uac_refused.xml", server.App.SipEndPoint, Number);

        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        var refusal = caller.Messages().Split("SIP/2.0 486 Agents Busy")[1];
        Assert.Contains("Retry-After: 300", refusal, StringComparison.Ordinal);
        Assert.Contains("X-Queue: sales", refusal, StringComparison.Ordinal);
        var final = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) is "busy" or "failed" or "completed" or "no-answer", Patience);
        Assert.Equal("busy", Status(final));
        Assert.Equal(486, final.Body.GetProperty("sip_status").GetInt32());
    }

    [Fact]
    public async Task Call_WhoseApplicationAlerts_RingsOnlyThen_WithItsAlertInfo_WithoutAnswering()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """[{"verb": "alert", "message": "<urn:alert:service:call-waiting>"}, {"verb": "sip:decline", "status": 486}]""")
            : (200, null);
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var applicationSid = await CreateApplicationAsync(server, hooks);
        await CreateNumberAsync(server, applicationSid, carrierSid: null);

        await using var caller = await SippProcess.StartCallerAsync("uac_alerted.xml", server.App.SipEndPoint, Number);

        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        // As jambonz: the call waits at 100 Trying while the application decides; only the alert makes it ring.
        var ringing = caller.Messages().Split("SIP/2.0 180 Ringing");
        Assert.Equal(2, ringing.Length);
        Assert.Contains("Alert-Info: <urn:alert:service:call-waiting>", ringing[1], StringComparison.Ordinal);
        Assert.DoesNotContain("SIP/2.0 200 OK", caller.Messages(), StringComparison.Ordinal);
        var final = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) is "busy" or "failed" or "completed" or "no-answer", Patience);
        Assert.Equal("busy", Status(final));
    }

    [Fact]
    public async Task Call_OverTheAccountsCallRate_IsRefused503AndRunsNothing()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call"
            ? (200, """[{"verb": "sip:decline", "status": 486, "reason": "Agents Busy"}]""")
            : (200, null);
        var onePerFiveSeconds = new CallLimits { CallsPerSecondPerAccount = 0.2 };
        await using var server = await TestServer.StartAsync(defaultCarrier: null, configure: services => services.AddSingleton(onePerFiveSeconds));
        var applicationSid = await CreateApplicationAsync(server, hooks);
        await CreateNumberAsync(server, applicationSid, carrierSid: null);

        await using var first = await SippProcess.StartCallerAsync("uac_refused.xml", server.App.SipEndPoint, Number);
        Assert.Equal(0, await first.WaitForExitAsync(Patience));
        await using var second = await SippProcess.StartCallerAsync("uac_refused.xml", server.App.SipEndPoint, Number);
        Assert.Equal(0, await second.WaitForExitAsync(Patience));

        Assert.Contains("SIP/2.0 486 Agents Busy", first.Messages(), StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 503 Service Unavailable", second.Messages(), StringComparison.Ordinal);
        Assert.Matches(@"Retry-After: [1-5]\r?\n", second.Messages());
        Assert.Single(hooks.Received, webhook => webhook.Path == "/call");
    }

    private static async Task<string> CreateApplicationAsync(TestServer server, WebhookReceiver hooks)
    {
        var application = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/Applications",
            new { name = "front desk", call_hook = hooks.Url("/call"), call_status_hook = hooks.Url("/status") });
        Assert.Equal(HttpStatusCode.Created, application.StatusCode);
        return (await application.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
    }

    private static async Task CreateNumberAsync(TestServer server, string applicationSid, string? carrierSid)
    {
        var number = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/PhoneNumbers",
            new { number = Number, application_sid = applicationSid, voip_carrier_sid = carrierSid });
        Assert.Equal(HttpStatusCode.Created, number.StatusCode);
    }

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
