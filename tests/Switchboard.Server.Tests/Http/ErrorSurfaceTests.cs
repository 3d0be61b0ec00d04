using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchboard.Server.Tests.V1;

namespace Switchboard.Server.Tests.Http;

/// <summary>Every error the HTTP API answers is RFC 9457 problem+json with a reason: unmatched routes, methods, media types, cursors.</summary>
public sealed class ErrorSurfaceTests(V1Server server) : IClassFixture<V1Server>
{
    /// <summary>Every paged list, with ACCOUNT for the account in the path.</summary>
    public static TheoryData<string> PagedLists => new()
    {
        "/v1/Accounts",
        "/v1/Accounts/ACCOUNT/ApiKeys",
        "/v1/Accounts/ACCOUNT/Applications",
        "/v1/Accounts/ACCOUNT/PhoneNumbers",
        "/v1/Accounts/ACCOUNT/VoipCarriers",
        "/v1/Accounts/ACCOUNT/Clients",
        "/v1/Accounts/ACCOUNT/Recordings",
        "/v1/Accounts/ACCOUNT/WebhookFailures",
        "/v1/Accounts/ACCOUNT/Calls",
        "/v1/ApiKeys",
        "/v1/Applications",
        "/v1/PhoneNumbers",
        "/v1/VoipCarriers",
        "/v1/Clients",
        "/v1/Recordings",
        "/v1/WebhookFailures",
    };

    /// <summary>Cursors this server never issued: not base64url, the wrong length, padded, standard base64, a position of zero or below, text that is not UTF-8.</summary>
    private static readonly string[] BadCursors =
        ["not-a-cursor", "%%%", "!!!!!!!!!!!", "AAAA", "AAAAAAAAAAA", "__________8", "AAAAAAAAAAE=", "//////////8", "AAAAAAAAAA%2B", "%FF%FE", "%ED%A0%80AAAAAAAA", string.Empty, "AAAAAAAAAAE%00"];

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task APagedList_GivenACursorItDidNotIssue_Is400NamingTheCursor(string list)
    {
        var path = list.Replace("ACCOUNT", server.DefaultAccountSid, StringComparison.Ordinal);
        var answers = new List<string>();
        foreach (var cursor in BadCursors)
        {
            var response = await server.GetAsync($"{path}?cursor={cursor}");
            var field = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? (await ProblemAsync(response)).TryGetProperty("field", out var named) ? named.GetString() : null
                : null;
            answers.Add($"{cursor}: {(int)response.StatusCode} {field}");
        }

        Assert.All(answers, answer => Assert.EndsWith(": 400 cursor", answer, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task APagedList_GivenItsOwnNextCursor_Pages(string list)
    {
        var path = list.Replace("ACCOUNT", server.DefaultAccountSid, StringComparison.Ordinal);
        await server.CreateAsync("/v1/Accounts", $$"""{"name":"page-{{Guid.NewGuid():N}}"}""");
        await server.CreateAsync("/v1/Accounts", $$"""{"name":"page-{{Guid.NewGuid():N}}"}""");

        var first = await server.GetAsync($"{path}?limit=1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        if (first.Headers.TryGetValues("X-Next-Cursor", out var cursors))
        {
            Assert.Equal(HttpStatusCode.OK, (await server.GetAsync($"{path}?limit=1&cursor={cursors.Single()}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/", V1Server.AdminKey)]
    [InlineData("/index.html", null)]
    [InlineData("/v2/Accounts", null)]
    [InlineData("/v1/Nothing", V1Server.AdminKey)]
    [InlineData("/v1/Accounts/AC00000000/Nothing", V1Server.AdminKey)]
    [InlineData("/voice/unknown", "sb_wrong_key")]
    public async Task AnAddressNoEndpointServes_Is404Problem_WithOrWithoutAKey(string path, string? key)
    {
        var response = await server.SendAsync(HttpMethod.Get, path, key);

        await V1Server.AssertProblemAsync(response, HttpStatusCode.NotFound);
        var problem = await ProblemAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("/openapi.json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAccountsResource_Stays404_NotMerelyUnrouted()
    {
        var (account, key) = await server.NewAccountAsync();
        var (_, otherKey) = await server.NewAccountAsync();
        var sid = await server.CreateAsync($"/v1/Accounts/{account}/Applications", """{"name":"mine","call_hook":"https://example.com/a"}""", key);

        var viaItsAccount = await server.GetAsync($"/v1/Accounts/{account}/Applications/{sid}", otherKey);
        var viaOwnScope = await server.GetAsync($"/v1/Applications/{sid}", otherKey);
        var withoutAKey = await server.SendAsync(HttpMethod.Get, $"/v1/Applications/{sid}", null);

        await V1Server.AssertProblemAsync(viaItsAccount, HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(viaOwnScope, HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(withoutAKey, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("DELETE", "/health", null)]
    [InlineData("PATCH", "/v1/Accounts", V1Server.AdminKey)]
    [InlineData("PATCH", "/v1/Accounts/ACCOUNT/Calls/CA0000", V1Server.AdminKey)]
    [InlineData("PUT", "/voice/conversation", V1Server.AdminKey)]
    public async Task AMethodTheAddressDoesNotTake_Is405Problem(string method, string path, string? key)
    {
        var response = await server.SendAsync(new HttpMethod(method), path.Replace("ACCOUNT", server.DefaultAccountSid, StringComparison.Ordinal), key);

        await V1Server.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.NotEmpty(response.Content.Headers.Allow);
        Assert.Contains(method, (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/Accounts", "text/plain")]
    [InlineData("/v1/Accounts", "application/x-www-form-urlencoded")]
    [InlineData("/v1/Accounts/ACCOUNT/Applications", "application/xml")]
    public async Task ABodyThatIsNotJson_Is415Problem(string path, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.Replace("ACCOUNT", server.DefaultAccountSid, StringComparison.Ordinal))
        {
            Content = new StringContent("name=x", Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", V1Server.AdminKey);
        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };

        var response = await http.SendAsync(request);

        await V1Server.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        var detail = (await ProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("application/json", detail, StringComparison.Ordinal);
        Assert.Contains(contentType, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProblemTheEndpointWrote_KeepsItsOwnDetail()
    {
        var response = await server.GetAsync("/v1/Accounts/AC0000000000/Applications");

        await V1Server.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("/openapi.json", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
