using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Server.Tests.Process;

/// <summary>
/// SIGTERM with a live call: the server says what it waits for, is not ready (still live), and a second SIGTERM
/// hangs the call up at once. RTP 39334–39349; other ports the OS picks.
/// </summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private const string Key = "sb_shutdown_test_key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // A carrier that takes the INVITE and never answers, so the call stays live (trying) through the grace.
    private readonly UdpClient _carrier = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-shutdown-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(FreePorts.Tcp(), Key,
        [
            "--sip", "127.0.0.1:0", "--rtp-ports", "39334-39349", "--data", _data,
            "--default-carrier", $"sip:{_carrier.Client.LocalEndPoint}", "--shutdown-grace", "120",
        ]);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _carrier.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task ALiveCall_KeepsTheServerDraining_NotReady_UntilASecondSignalHangsItUp()
    {
        var placed = await _server.Client.PostAsJsonAsync("/voice/conversation", new
        {
            from = "123",
            to = new { phone = "+306970000001" },
            dialPlan = new { verbs = new object[] { new { type = "PAUSE", duration = 1 } } },
        });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var invite = await _carrier.ReceiveAsync().WaitAsync(Patience);
        Assert.StartsWith("INVITE ", Encoding.ASCII.GetString(invite.Buffer), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/health/ready")).StatusCode);

        await _server.TerminateAsync();
        await _server.WaitForOutputAsync("Shutting down: waiting for 1 live calls to end, 120 s of grace left", Patience);

        var ready = await _server.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("shutting down: 1 live calls finishing", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/health")).StatusCode);
        Assert.False(_server.HasExited);

        var stopping = Stopwatch.StartNew();
        await _server.TerminateAsync();

        Assert.Equal(0, await _server.WaitForExitAsync(Patience));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"took {stopping.Elapsed}");
        Assert.Contains("Stopping now: hanging up 1 live calls", _server.Output, StringComparison.Ordinal);
    }
}
