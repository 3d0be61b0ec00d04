using System.Net;
using System.Net.Http.Headers;
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

    private static async Task<string> FirstEventAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line.Length > 0)
        {
            lines.Add(line);
        }

        return string.Join('\n', lines);
    }
}
