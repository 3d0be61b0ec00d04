using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.Process;

/// <summary>The health endpoints of a server that runs normally. RTP 39352–39359; other ports the OS picks.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-health-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(FreePorts.Tcp(), "sb_health_test_key", ["--sip", "127.0.0.1:0", "--rtp-ports", "39352-39359", "--data", _data]);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("/health", "ok")]
    [InlineData("/health/live", "live")]
    [InlineData("/health/ready", "ready")]
    public async Task EachHealthEndpoint_AnswersWithoutAKey(string path, string status)
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_IsFalse_WhenTheDatabaseCannotBeRead()
    {
        // Another program wrecks the file under the running server: the probe query fails, so no new calls come here.
        var database = Path.Combine(_data, "switchboard.db");
        foreach (var file in new[] { database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(database, new string('x', 8192));

        var response = await _server.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        Assert.StartsWith("storage unreachable: ", body.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/health/live")).StatusCode);
    }
}
