using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Foundation.Net;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Webhooks;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>
/// Notifications through a receiver that fails: every event still arrives, once, in order and signed; what is
/// given up on is listed by the API; the fallback URL takes over; what was undelivered at a stop goes out after
/// the next start.
/// </summary>
public sealed class DurableWebhookTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    /// <summary>Retries within a test's patience: 50 ms doubling to 200 ms, for 20 s.</summary>
    private static readonly WebhookOptions FastRetries = WebhookOptions.Default with
    {
        Retry = new WebhookRetryPolicy(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20)),
        ShutdownDrain = TimeSpan.FromMilliseconds(300),
    };

    [Fact]
    public async Task StatusHook_ThatFailsTheFirstDeliveries_GetsEveryEventOnceInOrder_EachSigned()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        var accepted = new ConcurrentQueue<ReceivedWebhook>();
        var statusPosts = 0;
        hooks.Respond = webhook =>
        {
            if (webhook.Path == "/call")
            {
                return (200, """[{"verb": "pause", "length": 1}, {"verb": "hangup"}]""");
            }

            // The first three posts fail three ways a receiver does: an error, overload, a gateway in front of it.
            var status = Interlocked.Increment(ref statusPosts) switch { 1 => 500, 2 => 429, 3 => 502, _ => 200 };
            if (status == 200)
            {
                accepted.Enqueue(webhook);
            }

            return (status, null);
        };
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(FastRetries));
        var secret = await SignatureCheck.SecretAsync(server);

        var response = await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed" && accepted.Contains(w), Patience);
        Assert.Equal(["trying", "ringing", "in-progress", "completed"], accepted.Select(Status));
        Assert.True(statusPosts >= 7, $"expected the three failures to be retried, saw {statusPosts} posts");
        Assert.All(hooks.Received, webhook => Assert.True(SignatureCheck.IsSignedWith(webhook, secret), $"{webhook.Path} is not signed with the account's secret"));
        Assert.False(SignatureCheck.IsSignedWith(accepted.First(), secret + "x"));
        await Task.Delay(300);
        Assert.Equal(4, accepted.Count);
    }

    [Fact]
    public async Task RefusedWebhooks_AreGivenUp_AndListedByTheApi()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = _ => (410, null);
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(FastRetries));

        var created = await (await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee))).Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString()!;

        await hooks.WaitForAsync(w => Status(w) == "busy", Patience);
        var failures = await PollAsync(
            () => server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/WebhookFailures?call_sid={sid}"),
            list => list.GetArrayLength() == 2);
        Assert.Equal(["status:trying", "status:busy"], failures.EnumerateArray().Select(f => f.GetProperty("event").GetString()));
        var busy = failures[1];
        Assert.Equal(hooks.Url("/status"), busy.GetProperty("url").GetString());
        Assert.Equal(1, busy.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 410", busy.GetProperty("last_error").GetString());
        Assert.Equal("busy", busy.GetProperty("payload").GetProperty("call_status").GetString());
        Assert.Equal(2, hooks.Received.Count(w => w.Path == "/status"));
    }

    [Fact]
    public async Task WebhooksToPrivateAddresses_WhenRefused_AreGivenUpAtOnce_WithoutAConnection()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        // What SWITCHBOARD_REFUSE_PRIVATE_WEBHOOKS=true registers: the receiver on 127.0.0.1 is out of bounds.
        var refusingClient = new HttpClient(new PublicAddressFilter(allowPrivate: false).CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(FastRetries).AddSingleton(refusingClient));

        var created = await (await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee))).Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString()!;

        var failures = await PollAsync(
            () => server.Client.GetFromJsonAsync<JsonElement>($"/v1/WebhookFailures?call_sid={sid}"),
            list => list.GetArrayLength() == 2);
        Assert.Equal(["status:trying", "status:busy"], failures.EnumerateArray().Select(f => f.GetProperty("event").GetString()));
        Assert.All(failures.EnumerateArray(), failure =>
        {
            Assert.Equal(1, failure.GetProperty("attempts").GetInt32());
            Assert.Contains("loopback", failure.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        });
        Assert.Empty(hooks.Received);
    }

    [Fact]
    public async Task WebhooksStillFailingWhenTheirTimeRunsOut_AreGivenUpInOrder()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = _ => (503, null);
        // Long enough for a second attempt even when a loaded machine makes the first one slow (it once took 750 ms).
        var briefRetries = FastRetries with { Retry = FastRetries.Retry with { RetryFor = TimeSpan.FromMilliseconds(1500) } };
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(briefRetries));

        var created = await (await server.Client.PostAsJsonAsync(CallsPath(server), CallRequest(hooks, callee))).Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString()!;

        var failures = await PollAsync(
            () => server.Client.GetFromJsonAsync<JsonElement>($"/v1/WebhookFailures?call_sid={sid}"),
            list => list.GetArrayLength() == 2);
        // Retried before being given up; how many attempts fit in 1.5 s depends on the machine's load.
        Assert.All(failures.EnumerateArray(), failure => Assert.True(failure.GetProperty("attempts").GetInt32() >= 2, failure.ToString()));
        var posts = hooks.Received.Where(w => w.Path == "/status").Select(Status).ToList();
        // Strictly in order: every attempt at "busy" came after the last attempt at "trying".
        Assert.True(posts.LastIndexOf("trying") < posts.IndexOf("busy"), string.Join(",", posts));
    }

    [Fact]
    public async Task FallbackUrl_TakesTheWebhooksTheUrlCannot()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/status" ? (500, null) : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(FastRetries));
        var request = CallRequest(hooks, callee);
        request["call_status_hook"] = new JsonObject { ["url"] = hooks.Url("/status"), ["fallback_url"] = hooks.Url("/backup") };

        await server.Client.PostAsJsonAsync(CallsPath(server), request);

        await hooks.WaitForAsync(w => w.Path == "/backup" && Status(w) == "busy", Patience);
        Assert.Equal(["trying", "busy"], hooks.Received.Where(w => w.Path == "/backup").Select(Status));
        Assert.Equal(["trying", "busy"], hooks.Received.Where(w => w.Path == "/status").Select(Status));
    }

    [Fact]
    public async Task UndeliveredWebhooks_AreSentAfterTheNextStart_InOrder()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        var receiverUp = false;
        hooks.Respond = _ => Volatile.Read(ref receiverUp) ? (200, null) : (503, null);
        var slowRetries = FastRetries with { Retry = new WebhookRetryPolicy(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)) };
        var data = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string sid;
            await using (var first = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(slowRetries), dataDirectory: data))
            {
                var created = await (await first.Client.PostAsJsonAsync(CallsPath(first), CallRequest(hooks, callee))).Content.ReadFromJsonAsync<JsonElement>();
                sid = created.GetProperty("sid").GetString()!;
                await hooks.WaitForAsync(w => Status(w) == "trying", Patience);
                await Task.Delay(500);
            }

            // The first server stopped with "trying" waiting ten minutes for its next attempt and "busy" behind it.
            Volatile.Write(ref receiverUp, true);
            var before = hooks.Received.Count;
            await using var second = await TestServer.StartAsync(callee.Uri, configure: services => services.AddSingleton(FastRetries), dataDirectory: data);

            await hooks.WaitForAsync(w => Status(w) == "busy", Patience);
            var resumed = hooks.Received.Skip(before).ToList();
            Assert.Equal(["trying", "busy"], resumed.Select(Status));
            Assert.All(resumed, w => Assert.Equal(sid, w.Body.GetProperty("call_sid").GetString()));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
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

    private static string? Status(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("call_status", out var status) ? status.GetString() : null;
}
