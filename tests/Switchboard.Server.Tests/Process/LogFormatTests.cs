using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Switchboard.Server.Tests.Process;

/// <summary>What the server prints while it runs, in each log format. RTP 39300–39307, 39330–39333 and 39362–39379; other ports the OS picks.</summary>
public sealed class LogFormatTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-logs-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task JsonLogs_AreOneJsonObjectPerLine_WithOurValuesAsFields()
    {
        var output = await RunOnceAsync(39362, "--log-format", "json");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(entries, entry =>
        {
            Assert.True(entry.TryGetProperty("Timestamp", out _));
            Assert.True(entry.TryGetProperty("LogLevel", out _));
            Assert.True(entry.TryGetProperty("Category", out _));
        });
        var listening = Assert.Single(entries, entry => entry.GetProperty("EventId").GetInt32() == 5054);
        Assert.StartsWith("127.0.0.1:", listening.GetProperty("State").GetProperty("SipEndPoint").GetString(), StringComparison.Ordinal);
        var key = Assert.Single(entries, entry => entry.GetProperty("EventId").GetInt32() == 5055);
        Assert.StartsWith("sb_", key.GetProperty("State").GetProperty("ApiKey").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLogs_OfACall_CarryItsSidSipCallIdAndRtpPortAsScope()
    {
        using var carrier = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var server = await RunningServer.StartAsync(FreePorts.Tcp(), "sb_log_scope_test_key",
        [
            "--log-format", "json", "--shutdown-grace", "0", "--sip", "127.0.0.1:0", "--rtp-ports", "39330-39333", "--data", Path.Combine(_data, "scope"),
            "--default-carrier", $"sip:{carrier.Client.LocalEndPoint}",
        ]);
        var placed = await server.Client.PostAsJsonAsync("/voice/conversation", new
        {
            from = "123",
            to = new { phone = "+306970000004" },
            dialPlan = new { verbs = new object[] { new { type = "PAUSE", duration = 1 } } },
        });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var sid = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingId").GetString();
        await carrier.ReceiveAsync().WaitAsync(Patience);
        await server.WaitForOutputAsync("\"EventId\":3000", Patience);
        await server.TerminateAsync();
        Assert.Equal(0, await server.WaitForExitAsync(Patience));

        var entries = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        // A status line is logged by the call's own code; the scope, not the message, names the Call-ID and the port.
        var status = entries.First(entry => entry.GetProperty("EventId").GetInt32() == 3000);
        var scope = Assert.Single(status.GetProperty("Scopes").EnumerateArray(), scope => scope.TryGetProperty("CallSid", out _));
        Assert.Equal(sid, scope.GetProperty("CallSid").GetString());
        Assert.False(string.IsNullOrEmpty(scope.GetProperty("SipCallId").GetString()));
        Assert.InRange(scope.GetProperty("RtpPort").GetInt32(), 39330, 39333);
    }

    [Fact]
    public async Task TextLogs_LeaveOutTheFrameworksRoutineLines()
    {
        var output = await RunOnceAsync(39372);

        Assert.Matches(@"Switchboard is listening: HTTP http://127\.0\.0\.1:\d+/, SIP udp:127\.0\.0\.1:\d+, RTP 39372-39379", output);
        Assert.Contains("info: Switchboard.Sip.Transport.UdpSipTransport", output, StringComparison.Ordinal);
        Assert.DoesNotContain("info: Microsoft.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfigurationFilesLoggingSection_SetsLevelsPerCategory()
    {
        var file = Path.Combine(_data, "quiet.json");
        await File.WriteAllTextAsync(file, """{"Logging": {"LogLevel": {"Switchboard.Sip": "Warning"}}, "Switchboard": {"MaxCalls": 5}}""");

        var output = await RunOnceAsync(39300, "--config", file);

        Assert.DoesNotContain("info: Switchboard.Sip.", output, StringComparison.Ordinal);
        Assert.Contains("info: Switchboard.Media.Clock.MediaClock", output, StringComparison.Ordinal);
    }

    // Starts on a fresh data directory (so a key is generated and shown), answers a request, stops on SIGTERM.
    private async Task<string> RunOnceAsync(int rtpLow, params string[] args)
    {
        var data = Path.Combine(_data, rtpLow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await RunningServer.StartAsync(
            FreePorts.Tcp(),
            apiKey: null,
            [.. args, "--sip", "127.0.0.1:0", "--rtp-ports", $"{rtpLow}-{rtpLow + 7}", "--data", data]);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health/ready")).StatusCode);
        await server.WaitForOutputAsync("Switchboard is listening: HTTP", Patience);
        await server.TerminateAsync();
        Assert.Equal(0, await server.WaitForExitAsync(Patience));
        return server.Output;
    }
}
