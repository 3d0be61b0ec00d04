using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Switchboard.Server.Tests.Process;

/// <summary>The Prometheus scrape endpoint of the real server. RTP 39308–39315 and 39384–39399; other ports the OS picks.</summary>
public sealed class MetricsTests : IDisposable
{
    private const string Key = "sb_metrics_test_key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-metrics-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>The value of the first sample of <paramref name="family"/> that has every one of <paramref name="labels"/>; null when none.</summary>
    private static double? Sample(string text, string family, params string[] labels)
    {
        foreach (Match line in Regex.Matches(text, $@"^{family}\{{([^}}]*)\}} (\S+)$", RegexOptions.Multiline))
        {
            var present = line.Groups[1].Value.Split(',');
            if (labels.All(present.Contains))
            {
                return double.Parse(line.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static async Task<string> ScrapeUntilAsync(RunningServer server, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var text = await server.Client.GetStringAsync("/metrics");
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Metrics_AfterOneCall_ShowTheLiveCallAndTheServersFamilies()
    {
        // A carrier that takes the INVITE and never answers: the call stays live while the test scrapes.
        using var carrier = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var server = await RunningServer.StartAsync(FreePorts.Tcp(), Key,
            ["--sip", "127.0.0.1:0", "--rtp-ports", "39384-39389", "--data", Path.Combine(_data, "on"), "--default-carrier", $"sip:{carrier.Client.LocalEndPoint}"]);
        var placed = await server.Client.PostAsJsonAsync("/voice/conversation", new
        {
            from = "123",
            to = new { phone = "+306970000001" },
            dialPlan = new { verbs = new object[] { new { type = "PAUSE", duration = 1 } } },
        });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        await carrier.ReceiveAsync().WaitAsync(Patience);
        // RFC 3261 §17.1.1.2: unanswered, the INVITE goes again after T1 (Timer A).
        await carrier.ReceiveAsync().WaitAsync(Patience);

        var response = await server.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches(new Regex(@"^switchboard_calls_live\{[^}]*\} 1$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^switchboard_calls_admitting\{[^}]*\} 1$", RegexOptions.Multiline), text);
        foreach (var family in new[] { "switchboard_webhooks_queues", "switchboard_storage_deferred_writes", "http_server_request_duration_seconds_count", "kestrel_active_connections", "dotnet_gc_collections_total" })
        {
            Assert.Matches(new Regex($@"^{family}\{{", RegexOptions.Multiline), text);
        }

        Assert.True(Sample(text, "switchboard_sip_retransmissions_total", "kind=\"request\"") >= 1);
        Assert.Equal(1d, Sample(text, "switchboard_calls_active", "dialect=\"conversation\""));
        Assert.Contains("service_name=\"switchboard\"", text, StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterOneAnsweredCall_CountItInEveryLayer()
    {
        using var callee = SippAnswerer.Start();
        using var receiver = new CountingReceiver(failFirst: 1);
        await using var server = await RunningServer.StartAsync(FreePorts.Tcp(), Key,
            ["--sip", "127.0.0.1:0", "--rtp-ports", "39308-39315", "--data", Path.Combine(_data, "call"), "--default-carrier", $"sip:127.0.0.1:{callee.Port}"]);
        var placed = await server.Client.PostAsJsonAsync("/voice/conversation", new
        {
            from = "123",
            to = new { phone = "+306970000002" },
            dialPlan = new { verbs = new object[] { new { type = "SAY", message = new { text = "Hello." } } } },
            callback = new { url = $"http://127.0.0.1:{receiver.Port}/status", strategy = "OnChange" },
        });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        await callee.WaitForCallEndAsync(Patience);

        // The first status webhook is refused once and retried a second later; the final one follows the call's end.
        var text = await ScrapeUntilAsync(server, scraped =>
            Sample(scraped, "switchboard_calls_ended_total") == 1 && Sample(scraped, "switchboard_webhooks_outbox_depth") == 0);

        Assert.Equal(1d, Sample(text, "switchboard_calls_started_total", "dialect=\"conversation\"", "direction=\"outbound\""));
        Assert.Equal(1d, Sample(text, "switchboard_calls_ended_total", "dialect=\"conversation\"", "direction=\"outbound\"", "status=\"completed\""));
        Assert.Equal(0d, Sample(text, "switchboard_calls_active", "dialect=\"conversation\""));
        Assert.Equal(1d, Sample(text, "switchboard_calls_setup_duration_seconds_count", "direction=\"outbound\""));
        Assert.True(Sample(text, "switchboard_webhooks_duration_seconds_count", "kind=\"notification\"") >= 5);
        Assert.Equal((double?)receiver.Received, Sample(text, "switchboard_webhooks_attempts_total", "kind=\"notification\""));
        Assert.Equal(1d, Sample(text, "switchboard_webhooks_failures_total", "kind=\"notification\"", "reason=\"status\""));
        Assert.Equal(0d, Sample(text, "switchboard_webhooks_outbox_depth"));
        Assert.Equal(1d, Sample(text, "switchboard_sip_requests_total", "direction=\"sent\"", "method=\"INVITE\""));
        Assert.Equal(1d, Sample(text, "switchboard_sip_requests_total", "direction=\"sent\"", "method=\"BYE\""));
        Assert.True(Sample(text, "switchboard_sip_responses_total", "class=\"2xx\"", "direction=\"received\"") >= 2);
        Assert.True(Sample(text, "switchboard_media_clock_lateness_seconds_count") > 0);
    }

    [Fact]
    public async Task MetricsOff_ServeNoEndpoint()
    {
        await using var server = await RunningServer.StartAsync(FreePorts.Tcp(), Key,
            ["--sip", "127.0.0.1:0", "--rtp-ports", "39392-39399", "--data", Path.Combine(_data, "off"), "--metrics", "false"]);

        var response = await server.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
