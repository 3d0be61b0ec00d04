using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Storage.Calls;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>Two POSTs with one <c>Idempotency-Key</c> place one call, on both create endpoints.</summary>
public sealed class IdempotentCreateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task CallsApi_TwoPostsWithOneKey_PlaceOneCall()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var body = new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        };
        var path = $"/v1/Accounts/{server.App.AccountSid}/Calls";

        var first = await PostAsync(server, path, body, "order-1234");
        var second = await PostAsync(server, path, body, "order-1234");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var sid = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
        Assert.Equal(sid, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "busy", Patience);
        var calls = await server.App.Services.GetRequiredService<ICallStore>().ListAsync(server.App.AccountSid, 10, default);
        Assert.Equal(sid, Assert.Single(calls).Sid);
        Assert.Single(callee.InvitedCallIds());
    }

    [Fact]
    public async Task ConversationApi_TwoPostsWithOneKey_PlaceOneCall()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var server = await TestServer.StartAsync(callee.Uri);
        var body = new JsonObject
        {
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["phone"] = "+15550002" },
            ["dialPlan"] = new JsonObject { ["verbs"] = new JsonArray(new JsonObject { ["type"] = "PAUSE", ["duration"] = 1 }) },
        };

        var first = await PostAsync(server, "/voice/conversation", body, "conv-1");
        var second = await PostAsync(server, "/voice/conversation", body, "conv-1");

        var tracking = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString();
        Assert.Equal(tracking, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Single(await server.App.Services.GetRequiredService<ICallStore>().ListAsync(server.App.AccountSid, 10, default));
    }

    private static async Task<HttpResponseMessage> PostAsync(TestServer server, string path, JsonObject body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await server.Client.SendAsync(request);
    }
}
