using System.Net;

namespace Switchboard.Server.Tests.V1;

public sealed class RequestSafetyTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task ABodyOverTheSizeLimit_Is413_NotAServerError()
    {
        var body = "{\"tag\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var calls = await server.PostAsync($"/v1/Accounts/{server.DefaultAccountSid}/Calls", body);
        var conversation = await server.PostAsync("/voice/conversation", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, calls.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, conversation.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheSizeLimit_WithAnIdempotencyKey_Is413()
    {
        var body = "{\"tag\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/Accounts/{server.DefaultAccountSid}/Calls") { Content = new StringContent(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", V1Server.AdminKey);
        request.Headers.Add("Idempotency-Key", "big-1");
        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/status")]
    [InlineData("gopher://example.com/")]
    public async Task WebhookUrls_OtherThanHttp_Are400(string url)
    {
        var (account, key) = await server.NewAccountAsync();
        var body = $$$"""{"call_hook":"http://127.0.0.1:9/call","call_status_hook":{"url":"http://127.0.0.1:9/status","fallback_url":"{{{url}}}"},"from":"+15550001","to":{"type":"sip","sipUri":"sip:b@127.0.0.1:9"}}""";

        var response = await server.PostAsync($"/v1/Accounts/{account}/Calls", body, key);

        await V1Server.AssertProblemAsync(response, HttpStatusCode.BadRequest, "call_status_hook.fallback_url");
    }

    [Fact]
    public async Task ApplicationHooks_KeepTheirFallbackUrl()
    {
        var (account, key) = await server.NewAccountAsync();
        var sid = await server.CreateAsync(
            $"/v1/Accounts/{account}/Applications",
            """{"name":"with fallback","call_hook":{"url":"https://app.example.com/call","fallback_url":"https://backup.example.com/call"}}""",
            key);

        var application = await server.GetJsonAsync($"/v1/Applications/{sid}", key);

        Assert.Equal("https://backup.example.com/call", application.GetProperty("call_hook").GetProperty("fallback_url").GetString());
    }
}
