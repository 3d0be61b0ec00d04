using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// How a refused call is named as jambonz names it (a decline is busy; a ringing callee that is unavailable or
/// times out is failed), in the status hook, the call, the listing's filter and jambonz's <c>RecentCalls</c>; and
/// <c>CallCount</c> of live calls.
/// </summary>
public sealed class JambonzStatusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Theory]
    [InlineData(603, "Decline", "busy")]
    [InlineData(480, "Temporarily Unavailable", "failed")]
    [InlineData(408, "Request Timeout", "failed")]
    public async Task ARefusedCall_IsNamedAsJambonzNamesIt_Everywhere(int sipStatus, string reason, string expected)
    {
        var scenario = ScenarioTemplate.Fill("uas_ring_then_refuse.xml", new Dictionary<string, string>
        {
            ["status"] = sipStatus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = reason,
        });
        await using var callee = await SippProcess.StartCalleeAsync(scenario);
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var calls = $"/v1/Accounts/{server.App.AccountSid}";

        var created = await server.Client.PostAsJsonAsync(calls + "/Calls", new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });
        var sid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

        var final = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w.Body) is not ("trying" or "ringing"), Patience);
        Assert.Equal((expected, sipStatus), (Status(final.Body), final.Body.GetProperty("sip_status").GetInt32()));
        Assert.Equal(expected, Status(await server.Client.GetFromJsonAsync<JsonElement>($"{calls}/Calls/{sid}")));
        var filtered = await server.Client.GetFromJsonAsync<JsonElement>($"{calls}/Calls?callStatus={expected}");
        Assert.Equal(sid, Assert.Single(filtered.EnumerateArray()).GetProperty("call_sid").GetString());
        var other = expected == "busy" ? "failed" : "no-answer";
        Assert.Empty((await server.Client.GetFromJsonAsync<JsonElement>($"{calls}/Calls?callStatus={other}")).EnumerateArray());

        var recent = await server.Client.GetFromJsonAsync<JsonElement>($"{calls}/RecentCalls?page=1&count=10&days=1&direction=outbound&answered=false");
        Assert.Equal((1, 1, 1), (recent.GetProperty("total").GetInt32(), recent.GetProperty("batch").GetInt32(), recent.GetProperty("page").GetInt32()));
        var record = Assert.Single(recent.GetProperty("data").EnumerateArray());
        Assert.Equal((sid, false, sipStatus, expected), (
            record.GetProperty("call_sid").GetString(), record.GetProperty("answered").GetBoolean(),
            record.GetProperty("sip_status").GetInt32(), Status(record)));
        Assert.True(record.GetProperty("terminated_at").GetInt64() >= record.GetProperty("attempted_at").GetInt64());
        Assert.Equal(0, (await server.Client.GetFromJsonAsync<JsonElement>($"{calls}/RecentCalls?answered=true")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CallCount_CountsLiveCallsByDirection()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_ring_forever.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var account = $"/v1/Accounts/{server.App.AccountSid}";
        Assert.Equal((0, 0), Counts(await server.Client.GetFromJsonAsync<JsonElement>(account + "/CallCount")));

        await server.Client.PostAsJsonAsync(account + "/Calls", new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w.Body) == "ringing", Patience);

        Assert.Equal((0, 1), Counts(await server.Client.GetFromJsonAsync<JsonElement>(account + "/CallCount")));
        Assert.Equal(0, (await server.Client.GetFromJsonAsync<JsonElement>(account + "/RecentCalls")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("count=0", "count")]
    [InlineData("count=501", "count")]
    [InlineData("page=0", "page")]
    [InlineData("days=31", "days")]
    [InlineData("answered=yes", "answered")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("start=yesterday", "start")]
    [InlineData("start=2026-12-02T00:00:00Z&end=2026-12-01T00:00:00Z", "end")]
    public async Task RecentCalls_WithABadParameter_Is400NamingIt(string query, string field)
    {
        await using var server = await TestServer.StartAsync("sip:127.0.0.1:9");

        var response = await server.Client.GetAsync($"/v1/Accounts/{server.App.AccountSid}/RecentCalls?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private static string? Status(JsonElement body) => body.GetProperty("call_status").GetString();

    private static (int Inbound, int Outbound) Counts(JsonElement count) =>
        (count.GetProperty("inbound").GetInt32(), count.GetProperty("outbound").GetInt32());
}
