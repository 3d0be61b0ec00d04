using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Calls.Limits;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Storage.Calls;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>Call limits on the real server: the per-account call rate, the maximum duration, and a graceful stop.</summary>
public sealed class CallLimitsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task CallsPerSecondLimit_Answers429WithRetryAfter_AndPlacesNothing()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        var oneAtATime = new CallLimits { CallsPerSecondPerAccount = 0.2 };
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(oneAtATime));

        var first = await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee));
        var second = await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var retryAfter = second.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 5);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Single(callee.InvitedCallIds());
    }

    [Fact]
    public async Task MaximumCallDuration_EndsAnAnsweredCallCompleted()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        var brief = new CallLimits { MaxCallDuration = TimeSpan.FromSeconds(2) };
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(brief));

        await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee));

        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) is "completed" or "failed", Patience);
        Assert.Equal("completed", Status(completed));
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));

        // The call's own clock, not the webhooks' arrival: two posts can land closer than the call lasted when the
        // first one waits its turn on a loaded machine.
        var call = await server.App.Services.GetRequiredService<ICallStore>().FindAsync(server.App.AccountSid, completed.Body.GetProperty("call_sid").GetString()!, default);
        Assert.NotNull(call?.AnsweredAt);
        Assert.NotNull(call.EndedAt);
        Assert.InRange((call.EndedAt.Value - call.AnsweredAt.Value).TotalSeconds, 1.8, 6);
    }

    [Fact]
    public async Task Sigterm_DuringACall_RefusesNewCalls_ThenEndsTheCallCompleted_AndExits()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        var data = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = await ServerProcess.StartAsync(data, callee.Uri, new Dictionary<string, string> { ["SWITCHBOARD_SHUTDOWN_GRACE"] = "5" });
            var accounts = await server.Client.GetFromJsonAsync<JsonElement>("/v1/Accounts");
            var path = $"/v1/Accounts/{accounts[0].GetProperty("account_sid").GetString()}/Calls";
            await server.Client.PostAsJsonAsync(path, CallRequest(hooks, callee));
            await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "in-progress", Patience);

            // The grace outlasts the callee's key press (4 s after answer), so it is ready for the BYE when it comes.
            var stopping = Stopwatch.StartNew();
            var exit = server.TerminateAsync(Patience);
            await Task.Delay(500);
            var refused = await server.Client.PostAsJsonAsync(path, CallRequest(hooks, callee));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            var ready = await server.Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("shutting down", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
            Assert.Equal(0, await exit);
            Assert.InRange(stopping.Elapsed.TotalSeconds, 4.9, 20);
            var final = Assert.Single(hooks.Received, w => w.Path == "/status" && Status(w) is "completed" or "failed");
            Assert.Equal("completed", Status(final));
            Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static JsonObject CallRequest(WebhookReceiver hooks, SippProcess callee) => new()
    {
        ["call_hook"] = hooks.Url("/call"),
        ["call_status_hook"] = hooks.Url("/status"),
        ["from"] = "+15550001",
        ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
    };

    private static string CallsPath(TestServer server) => $"/v1/Accounts/{server.App.AccountSid}/Calls";

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
