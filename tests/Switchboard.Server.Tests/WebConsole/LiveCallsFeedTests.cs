using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.Server.Tests.V1;

namespace Switchboard.Server.Tests.WebConsole;

/// <summary><c>GET .../Calls/Live</c>: the same key and account scoping as the rest of the API, and a stream that starts with the live calls.</summary>
public sealed class LiveCallsFeedTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task TheFeed_WithoutAKey_Is401Problem()
    {
        await V1Server.AssertProblemAsync(await server.SendAsync(HttpMethod.Get, "/v1/Calls/Live", key: null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnotherAccountsFeed_Is404Problem()
    {
        var (_, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{server.DefaultAccountSid}/Calls/Live", key), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/v1/Calls/Live")]
    [InlineData("/v1/Accounts/ACCOUNT/Calls/Live")]
    public async Task TheFeed_IsAnEventStream_ThatStartsWithTheAccountsLiveCalls(string path)
    {
        var (account, key) = await server.NewAccountAsync();
        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("ACCOUNT", account, StringComparison.Ordinal));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var first = await FirstEventAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event: calls\ndata: []", first);
    }

    [Fact]
    public async Task StoppingTheServer_EndsAnOpenFeed_InsteadOfWaitingForItsReader()
    {
        var data = Path.Combine(Path.GetTempPath(), "switchboard-feed-" + Guid.NewGuid().ToString("N"));
        // No call is placed, so the RTP range is never bound.
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 39300, 39399, data, null, V1Server.AdminKey, null);
        var app = await SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
        try
        {
            using var http = new HttpClient { BaseAddress = app.HttpAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/Calls/Live");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", V1Server.AdminKey);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            Assert.StartsWith("event: calls", await FirstEventAsync(body, timeout.Token), StringComparison.Ordinal);

            var stopping = Stopwatch.StartNew();
            await app.DisposeAsync();
            var rest = await new StreamReader(body).ReadToEndAsync(timeout.Token);

            // The host would otherwise wait its whole shutdown timeout (the grace and 20 s more) for the request.
            Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            Assert.DoesNotContain("event: call\n", rest, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> FirstEventAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line.Length > 0)
        {
            lines.Add(line);
        }

        return string.Join('\n', lines);
    }
}
