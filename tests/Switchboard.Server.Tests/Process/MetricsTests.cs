using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Switchboard.Server.Tests.Process;

/// <summary>The Prometheus scrape endpoint of the real server. RTP 39384–39399; other ports the OS picks.</summary>
public sealed class MetricsTests : IDisposable
{
    private const string Key = "sb_metrics_test_key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-metrics-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

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

        var response = await server.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches(new Regex(@"^switchboard_calls_live\{[^}]*\} 1$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^switchboard_calls_admitting\{[^}]*\} 1$", RegexOptions.Multiline), text);
        foreach (var family in new[] { "switchboard_webhooks_queues", "switchboard_storage_deferred_writes", "http_server_request_duration_seconds_count", "kestrel_active_connections", "dotnet_gc_collections_total" })
        {
            Assert.Matches(new Regex($@"^{family}\{{", RegexOptions.Multiline), text);
        }

        Assert.Contains("service_name=\"switchboard\"", text, StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
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
