using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// A real call's timeline: a SIPp callee answers, the call hook answers with verbs, the status hook refuses its first
/// request once; then <c>GET .../Calls/{sid}/Events</c> tells all of it in order, and the call says who hung up.
/// </summary>
public sealed class CallTimelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task ACallsEvents_ShowItsStatuses_ItsVerbs_AndEveryWebhookRequest_InOrder()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        var refusedOnce = 0;
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "say", "text": "Your order has shipped."}, {"verb": "pause", "length": 1}, {"verb": "hangup"}]"""),
            "/status" when Interlocked.Exchange(ref refusedOnce, 1) == 0 => (503, null),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);
        var calls = $"/v1/Accounts/{server.App.AccountSid}/Calls";

        var response = await server.Client.PostAsJsonAsync(calls, new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        // The final status's request is recorded once its answer is in, a moment after the receiver saw it.
        var events = await EventsWhenAsync(server, $"{calls}/{sid}/Events", list => list.Any(e => Is(e, "webhook") && Name(e) == "status:completed"));

        var times = events.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(
            ["queued", "trying", "ringing", "in-progress", "completed"],
            events.Where(e => Is(e, "status")).Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(200, events.Single(e => Is(e, "status") && e.GetProperty("status").GetString() == "in-progress").GetProperty("code").GetInt32());
        Assert.Equal(
            ["started say", "ended say", "started pause", "ended pause", "started hangup"],
            events.Where(e => Is(e, "verb")).Select(e => $"{Name(e)} {e.GetProperty("verb").GetString()}").Take(5));
        Assert.Equal("done", events.First(e => Is(e, "verb") && Name(e) == "ended").GetProperty("result").GetString());

        var callHook = Assert.Single(events, e => Is(e, "webhook") && Name(e) == "call");
        Assert.Equal((hooks.Url("/call"), "POST", 1, 200), (callHook.GetProperty("url").GetString(), callHook.GetProperty("method").GetString(), callHook.GetProperty("attempt").GetInt32(), callHook.GetProperty("code").GetInt32()));
        Assert.InRange(callHook.GetProperty("latency").GetInt64(), 0, 10_000);
        Assert.Contains(sid, callHook.GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.Contains("Your order has shipped.", callHook.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(events.IndexOf(callHook) < events.FindIndex(e => Is(e, "verb")), "the call hook is asked before its first verb runs");

        var statusRequests = events.Where(e => Is(e, "webhook") && Name(e)!.StartsWith("status:", StringComparison.Ordinal)).ToList();
        Assert.Equal(("status:trying", 1, 503), (Name(statusRequests[0]), statusRequests[0].GetProperty("attempt").GetInt32(), statusRequests[0].GetProperty("code").GetInt32()));
        Assert.Equal(("status:trying", 2, 200), (Name(statusRequests[1]), statusRequests[1].GetProperty("attempt").GetInt32(), statusRequests[1].GetProperty("code").GetInt32()));
        Assert.Equal(
            ["status:trying", "status:ringing", "status:in-progress", "status:completed"],
            statusRequests.Where(e => e.GetProperty("code").GetInt32() == 200).Select(Name));
        Assert.All(statusRequests, e => Assert.True(e.GetProperty("latency").GetInt64() >= 0));

        var call = await server.Client.GetFromJsonAsync<JsonElement>($"{calls}/{sid}");
        Assert.Equal("application", call.GetProperty("hangup_by").GetString());
        Assert.False(string.IsNullOrEmpty(call.GetProperty("end_reason").GetString()));
    }

    private static bool Is(JsonElement entry, string type) => entry.GetProperty("type").GetString() == type;

    private static string? Name(JsonElement entry) => entry.TryGetProperty("name", out var name) ? name.GetString() : null;

    private static async Task<List<JsonElement>> EventsWhenAsync(TestServer server, string path, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var events = (await server.Client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(e => e.Clone()).ToList();
            if (done(events) || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(100);
        }
    }
}
