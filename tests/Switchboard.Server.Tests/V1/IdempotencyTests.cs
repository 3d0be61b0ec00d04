using System.Net;
using System.Text;

namespace Switchboard.Server.Tests.V1;

/// <summary>
/// <c>Idempotency-Key</c> on the create endpoints, on answers that need no callee: a call to a phone number with no
/// carrier configured is refused (422), and that answer is what a repeat gets back.
/// </summary>
public sealed class IdempotencyTests(V1Server server) : IClassFixture<V1Server>
{
    private const string Unroutable = """{"call_hook":"http://127.0.0.1:9/call","from":"+15550001","to":{"type":"phone","number":"+15550002"}}""";

    [Fact]
    public async Task Repeat_GetsTheFirstAnswer_MarkedAsReplayed()
    {
        var (account, key) = await server.NewAccountAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await PostAsync($"/v1/Accounts/{account}/Calls", Unroutable, key, idempotencyKey);
        var repeat = await PostAsync($"/v1/Accounts/{account}/Calls", Unroutable, key, idempotencyKey);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.StatusCode, repeat.StatusCode);
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("application/problem+json", repeat.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Is422NamingTheHeader()
    {
        var (account, key) = await server.NewAccountAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        await PostAsync($"/v1/Accounts/{account}/Calls", Unroutable, key, idempotencyKey);

        var other = await PostAsync($"/v1/Accounts/{account}/Calls", Unroutable.Replace("+15550002", "+15550003", StringComparison.Ordinal), key, idempotencyKey);

        await V1Server.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_BelongToTheirAccount()
    {
        var (first, firstKey) = await server.NewAccountAsync();
        var (second, secondKey) = await server.NewAccountAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        await PostAsync($"/v1/Accounts/{first}/Calls", Unroutable, firstKey, idempotencyKey);

        var other = await PostAsync($"/v1/Accounts/{second}/Calls", Unroutable, secondKey, idempotencyKey);

        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    public async Task BadKeys_Are400NamingTheHeader(string idempotencyKey)
    {
        var (account, key) = await server.NewAccountAsync();

        var response = await PostAsync($"/v1/Accounts/{account}/Calls", Unroutable, key, idempotencyKey);

        await V1Server.AssertProblemAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task AKeyLongerThan255_Is400()
    {
        var (account, key) = await server.NewAccountAsync();

        var response = await PostAsync($"/v1/Accounts/{account}/Calls", Unroutable, key, new string('k', 256));

        await V1Server.AssertProblemAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string key, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };
        return await http.SendAsync(request);
    }
}
