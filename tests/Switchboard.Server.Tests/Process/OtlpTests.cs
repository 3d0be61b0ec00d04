using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Switchboard.Server.Tests.Process;

/// <summary>Metrics and a trace per call pushed to an OTLP/HTTP collector. RTP 39316–39320; other ports the OS picks.</summary>
public sealed class OtlpTests : IDisposable
{
    private const string Key = "sb_otlp_test_key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-otlp-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task AnOtlpEndpoint_ReceivesTheCallsTraceWithItsWebhooks_AndTheMetrics()
    {
        using var callee = SippAnswerer.Start();
        using var collector = new CountingReceiver();
        using var receiver = new CountingReceiver();
        await using var server = await RunningServer.StartAsync(FreePorts.Tcp(), Key,
        [
            "--sip", "127.0.0.1:0", "--rtp-ports", "39316-39320", "--data", _data, "--default-carrier", $"sip:127.0.0.1:{callee.Port}",
            "--metrics", "false", "--otlp-endpoint", $"http://127.0.0.1:{collector.Port}",
        ]);
        var placed = await server.Client.PostAsJsonAsync("/voice/conversation", new
        {
            from = "123",
            to = new { phone = "+306970000003" },
            dialPlan = new { verbs = new object[] { new { type = "PAUSE", duration = 1 } } },
            callback = new { url = $"http://127.0.0.1:{receiver.Port}/status", strategy = "OnCompletion" },
        });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var sid = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingId").GetString()!;
        await callee.WaitForCallEndAsync(Patience);
        await WaitForAsync(() => receiver.Received >= 1);

        // Stopping flushes what the exporters still hold.
        await server.TerminateAsync();
        Assert.Equal(0, await server.WaitForExitAsync(Patience));

        var traces = collector.BodiesOf("/v1/traces");
        Assert.NotEmpty(traces);
        var spans = traces.SelectMany(body => body).ToArray();
        // OTLP carries trace ids as their 16 raw bytes: the call's span and its webhook's both carry the call sid's.
        var traceId = Guid.Parse(sid).ToByteArray(bigEndian: true);
        Assert.True(Occurrences(spans, traceId) >= 2, "the call and its webhook share the call's trace id");
        Assert.True(Occurrences(spans, Encoding.UTF8.GetBytes("webhook ")) >= 1);
        Assert.True(Occurrences(spans, Encoding.UTF8.GetBytes(sid)) >= 1, "the call's span names its sid");
        Assert.True(Occurrences(spans, Encoding.UTF8.GetBytes("in-progress")) >= 1, "the call's span marks its answer");
        Assert.Contains(receiver.TraceParents, header => header.StartsWith($"00-{Guid.Parse(sid):N}-", StringComparison.Ordinal));
        var metrics = collector.BodiesOf("/v1/metrics").SelectMany(body => body).ToArray();
        Assert.True(Occurrences(metrics, Encoding.UTF8.GetBytes("switchboard.calls.started")) >= 1);
    }

    private static int Occurrences(byte[] haystack, byte[] needle)
    {
        var count = 0;
        var span = haystack.AsSpan();
        for (var at = span.IndexOf(needle); at >= 0; at = span.IndexOf(needle))
        {
            count++;
            span = span[(at + needle.Length)..];
        }

        return count;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
