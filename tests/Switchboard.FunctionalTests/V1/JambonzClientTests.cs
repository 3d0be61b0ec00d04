using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// A jambonz application written with jambonz's own client library runs unchanged against Switchboard: every
/// webhook passes the library's signature check (which re-serialises the parsed body, so the body must be written as
/// <c>JSON.stringify</c> writes it: a plain <c>+</c>, non-ASCII as itself), and the verbs its WebhookResponse built run
/// on a real call to a SIPp callee that presses 1; the gather's actionHook answers as Express's <c>sendStatus(200)</c> does
/// (<c>OK</c> as text), which carries no verbs, so the call goes on with those after the gather and ends completed.
/// </summary>
public sealed class JambonzClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AnIvrWrittenWithNodeClient_VerifiesEveryWebhook_AndRuns()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var server = await TestServer.StartAsync(callee.Uri);
        var secret = (await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/WebhookSecret")).GetProperty("webhook_secret").GetString()!;
        await using var app = await JambonzApp.StartAsync(secret);

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
        {
            ["call_hook"] = app.Url("/call"),
            ["call_status_hook"] = app.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "phone", ["number"] = "+15550002" },
            ["tag"] = new JsonObject { ["customer"] = "Zoë Ångström", ["note"] = "café <ok> & 'quoted' \"twice\"" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var menu = await app.WaitForAsync(line => Path(line) == "/menu", Patience);
        await app.WaitForAsync(line => Path(line) == "/status" && line.GetProperty("body").GetProperty("call_status").GetString() == "completed", Patience);

        Assert.Equal("1", menu.GetProperty("body").GetProperty("digits").GetString());
        Assert.Equal("Zoë Ångström", menu.GetProperty("body").GetProperty("customerData").GetProperty("customer").GetString());
        Assert.Equal("+15550001", menu.GetProperty("body").GetProperty("from").GetString());
        Assert.DoesNotContain(app.Lines, line => line.TryGetProperty("error", out _));
        Assert.Contains(app.Lines, line => Path(line) == "/call");
    }

    [Fact]
    public async Task TheClientLibrarysRestCalls_CreateReadListRedirectAndHangUpACall()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var server = await TestServer.StartAsync(callee.Uri);
        var secret = (await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/WebhookSecret")).GetProperty("webhook_secret").GetString()!;
        await using var app = await JambonzApp.StartAsync(secret);

        await using var rest = JambonzApp.Run("rest.js", new Dictionary<string, string>
        {
            ["BASE_URL"] = server.Client.BaseAddress!.ToString(),
            ["ACCOUNT_SID"] = server.App.AccountSid,
            ["API_KEY"] = TestServer.ApiKey,
            ["CALL_HOOK"] = app.Url("/call"),
            ["STATUS_HOOK"] = app.Url("/status"),
            ["MOVED_HOOK"] = app.Url("/moved"),
            ["TO"] = "+15550002",
        });
        var exit = await rest.WaitForExitAsync(Patience);

        Assert.True(exit == 0, "rest.js failed: " + string.Join(" | ", rest.Lines.Select(line => line.GetRawText())));
        var sid = Step(rest, "create").GetString();
        Assert.Equal(sid, Step(rest, "retrieve").GetProperty("call_sid").GetString());
        Assert.Equal("in-progress", Step(rest, "retrieve").GetProperty("call_status").GetString());
        Assert.Contains(Step(rest, "list").EnumerateArray(), call => call.GetProperty("call_sid").GetString() == sid);
        var completed = await app.WaitForAsync(line => Path(line) == "/status" && line.GetProperty("body").GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(sid, completed.GetProperty("body").GetProperty("call_sid").GetString());
        // The live redirect reached the app's other hook with the call, whose verbs then ran until the hang-up.
        var moved = app.Lines.Single(line => Path(line) == "/moved");
        Assert.Equal(sid, moved.GetProperty("body").GetProperty("call_sid").GetString());
        Assert.Equal("jambonz", completed.GetProperty("body").GetProperty("call_termination_by").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        // jambonz's names beside ours: callStatus filters the list, and POST to a call updates it as PUT does.
        var done = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls?callStatus=completed");
        Assert.Contains(done.EnumerateArray(), call => call.GetProperty("call_sid").GetString() == sid);
        var live = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls?callStatus=in-progress");
        Assert.DoesNotContain(live.EnumerateArray(), call => call.GetProperty("call_sid").GetString() == sid);
        var postUpdate = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls/{sid}", new JsonObject { ["call_status"] = "completed" });
        // The call has ended, so the update is refused as PUT refuses it: 409, not 405.
        Assert.Equal(HttpStatusCode.Conflict, postUpdate.StatusCode);
    }

    [Fact]
    public async Task ADialWithConfirmHook_ScreensTheAgentOnItsOwnLeg_ThenBridgesTheCustomer()
    {
        // One SIPp takes both calls through the default carrier, the customer's and the agent's: each answers and
        // presses 1 four seconds later (the customer's key is only type-ahead), then waits for the BYE.
        await using var rtp = RtpSink.Start();
        await using var carrier = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() }, calls: 2);
        await using var server = await TestServer.StartAsync(carrier.Uri);
        var secret = (await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/WebhookSecret")).GetProperty("webhook_secret").GetString()!;
        await using var app = await JambonzApp.StartAsync(secret);

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
        {
            ["call_hook"] = app.Url("/connect"),
            ["call_status_hook"] = app.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "phone", ["number"] = "+15550002" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customerSid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

        var done = await app.WaitForAsync(line => Path(line) == "/dial-done", Patience);
        await app.WaitForAsync(line => Path(line) == "/status" && Body(line).GetProperty("call_sid").GetString() == customerSid && Body(line).GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(0, await carrier.WaitForExitAsync(Patience));

        // The screening ran on the agent's own leg, which the app saw as the customer's child.
        var screen = Body(app.Lines.Single(line => Path(line) == "/screen"));
        var agentSid = screen.GetProperty("call_sid").GetString();
        Assert.NotEqual(customerSid, agentSid);
        Assert.Equal(customerSid, screen.GetProperty("parent_call_sid").GetString());
        var screened = Body(app.Lines.Single(line => Path(line) == "/screen-result"));
        Assert.Equal(("1", agentSid), (screened.GetProperty("digits").GetString(), screened.GetProperty("call_sid").GetString()));
        // Accepted, then connected until the dial's time limit hung the agent up.
        Assert.Equal("completed", Body(done).GetProperty("dial_call_status").GetString());
        Assert.Equal(agentSid, Body(done).GetProperty("dial_call_sid").GetString());
        Assert.True(Body(done).GetProperty("dial_call_duration").GetInt32() >= 1);
        Assert.DoesNotContain(app.Lines, line => line.TryGetProperty("error", out _));
    }

    private static JsonElement Body(JsonElement line) => line.GetProperty("body");

    private static JsonElement Step(JambonzApp script, string name) =>
        script.Lines.Single(line => line.TryGetProperty("step", out var step) && step.GetString() == name).GetProperty("result");

    private static string? Path(JsonElement line) => line.TryGetProperty("path", out var path) ? path.GetString() : null;
}
