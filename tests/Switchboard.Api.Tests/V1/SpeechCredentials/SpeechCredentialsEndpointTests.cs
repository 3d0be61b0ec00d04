using System.Net;
using Switchboard.Api.Tests.V1.Support;

namespace Switchboard.Api.Tests.V1.SpeechCredentials;

public sealed class SpeechCredentialsEndpointTests(V1Host host) : IClassFixture<V1Host>
{
    private const string Key = "sk-never-shown-0123456789";

    [Fact]
    public async Task Crud_NeverReturnsTheKey()
    {
        var (account, key) = await host.NewAccountAsync();
        var sid = await host.CreateAsync($"/v1/Accounts/{account}/SpeechCredentials", $$"""
            {"vendor":"openai","label":"office","api_key":"{{Key}}","base_url":"http://10.0.0.5:8000/","model":"small.en"}
            """, key);

        var (raw, credential) = await host.GetJsonAsync($"/v1/Accounts/{account}/SpeechCredentials/{sid}", key);
        Assert.DoesNotContain(Key, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\"api_key\"", raw, StringComparison.Ordinal);
        Assert.Equal(sid, credential.GetProperty("speech_credential_sid").GetString());
        Assert.Equal(account, credential.GetProperty("account_sid").GetString());
        Assert.Equal(("openai", "office", "http://10.0.0.5:8000", "small.en"), (
            credential.GetProperty("vendor").GetString(), credential.GetProperty("label").GetString(),
            credential.GetProperty("base_url").GetString(), credential.GetProperty("model").GetString()));
        Assert.True(credential.GetProperty("has_api_key").GetBoolean());
        Assert.True(credential.GetProperty("use_for_stt").GetBoolean());

        var (listRaw, list) = await host.GetJsonAsync("/v1/SpeechCredentials", key);
        Assert.DoesNotContain(Key, listRaw, StringComparison.Ordinal);
        Assert.Equal([sid], list.EnumerateArray().Select(c => c.GetProperty("speech_credential_sid").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Put, $"/v1/SpeechCredentials/{sid}", key, """{"model":"large-v3","use_for_stt":false}""")).Status);
        var (updatedRaw, updated) = await host.GetJsonAsync($"/v1/SpeechCredentials/{sid}", key);
        Assert.DoesNotContain(Key, updatedRaw, StringComparison.Ordinal);
        Assert.True(updated.GetProperty("has_api_key").GetBoolean());
        Assert.Equal("large-v3", updated.GetProperty("model").GetString());
        Assert.False(updated.GetProperty("use_for_stt").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Put, $"/v1/SpeechCredentials/{sid}", key, """{"api_key":null}""")).Status);
        Assert.False((await host.GetJsonAsync($"/v1/SpeechCredentials/{sid}", key)).Json.GetProperty("has_api_key").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Delete, $"/v1/SpeechCredentials/{sid}", key)).Status);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Get, $"/v1/SpeechCredentials/{sid}", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOpenAiCredential_DefaultsToOpenAisServerAndWhisper()
    {
        var (_, key) = await host.NewAccountAsync();

        var sid = await host.CreateAsync("/v1/SpeechCredentials", """{"vendor":"OpenAI","api_key":"sk-x"}""", key);

        var credential = (await host.GetJsonAsync($"/v1/SpeechCredentials/{sid}", key)).Json;
        Assert.Equal(("openai", "https://api.openai.com", "whisper-1"), (
            credential.GetProperty("vendor").GetString(), credential.GetProperty("base_url").GetString(), credential.GetProperty("model").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, credential.GetProperty("label").ValueKind);
    }

    [Fact]
    public async Task APocketsphinxCredential_NeedsNoKey()
    {
        var (_, key) = await host.NewAccountAsync();

        var sid = await host.CreateAsync("/v1/SpeechCredentials", """{"vendor":"pocketsphinx"}""", key);

        var credential = (await host.GetJsonAsync($"/v1/SpeechCredentials/{sid}", key)).Json;
        Assert.False(credential.GetProperty("has_api_key").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, credential.GetProperty("base_url").ValueKind);
    }

    [Fact]
    public async Task UnknownVendor_Is400NamingTheFieldAndTheKnownOnes()
    {
        var (_, key) = await host.NewAccountAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/v1/SpeechCredentials", key, """{"vendor":"google","api_key":"k"}""");

        V1Host.AssertProblem(answer, HttpStatusCode.BadRequest, "vendor");
        Assert.Contains("openai, pocketsphinx", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"k\"", answer.Body, StringComparison.Ordinal);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Post, "/v1/SpeechCredentials", key, """{"api_key":"k"}"""), HttpStatusCode.BadRequest, "vendor");
    }

    [Theory]
    [InlineData("\"ftp://example.com\"")]
    [InlineData("\"not a url\"")]
    [InlineData("\"/v1\"")]
    [InlineData("\"https://user:secret@example.com\"")]
    [InlineData("\"https://example.com/?key=secret\"")]
    [InlineData("42")]
    public async Task BadBaseUrl_Is400NamingIt(string baseUrl)
    {
        var (_, key) = await host.NewAccountAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/v1/SpeechCredentials", key, $$"""{"vendor":"openai","base_url":{{baseUrl}}}""");

        V1Host.AssertProblem(answer, HttpStatusCode.BadRequest, "base_url");
    }

    [Fact]
    public async Task ALabelTakenForTheVendor_Is409NamingIt_ButAnotherVendorOrAccountMayUseIt()
    {
        var (_, key) = await host.NewAccountAsync();
        var (_, otherKey) = await host.NewAccountAsync();
        await host.CreateAsync("/v1/SpeechCredentials", """{"vendor":"openai","label":"a"}""", key);
        var second = await host.CreateAsync("/v1/SpeechCredentials", """{"vendor":"openai","label":"b"}""", key);

        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Post, "/v1/SpeechCredentials", key, """{"vendor":"openai","label":"a"}"""), HttpStatusCode.Conflict, "label");
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Put, $"/v1/SpeechCredentials/{second}", key, """{"label":"a"}"""), HttpStatusCode.Conflict, "label");
        await host.CreateAsync("/v1/SpeechCredentials", """{"vendor":"pocketsphinx","label":"a"}""", key);
        await host.CreateAsync("/v1/SpeechCredentials", """{"vendor":"openai","label":"a"}""", otherKey);
    }

    [Fact]
    public async Task AnotherAccountsCredential_Is404()
    {
        var (account, key) = await host.NewAccountAsync();
        var (otherAccount, otherKey) = await host.NewAccountAsync();
        var sid = await host.CreateAsync($"/v1/Accounts/{account}/SpeechCredentials", $$"""{"vendor":"openai","api_key":"{{Key}}"}""", key);

        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Get, $"/v1/SpeechCredentials/{sid}", otherKey), HttpStatusCode.NotFound);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Get, $"/v1/Accounts/{otherAccount}/SpeechCredentials/{sid}", otherKey), HttpStatusCode.NotFound);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Get, $"/v1/Accounts/{account}/SpeechCredentials/{sid}", otherKey), HttpStatusCode.NotFound);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Put, $"/v1/SpeechCredentials/{sid}", otherKey, """{"model":"m"}"""), HttpStatusCode.NotFound);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Delete, $"/v1/SpeechCredentials/{sid}", otherKey), HttpStatusCode.NotFound);
        Assert.Equal("[]", (await host.GetJsonAsync("/v1/SpeechCredentials", otherKey)).Raw);
        Assert.True((await host.GetJsonAsync($"/v1/SpeechCredentials/{sid}", key)).Json.GetProperty("has_api_key").GetBoolean());
    }

    [Fact]
    public async Task WithoutAKey_Is401()
    {
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Get, "/v1/SpeechCredentials", key: null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheApiDescription_ShowsTheResource_WithoutAnyKeyInItsAnswers()
    {
        var (raw, document) = await host.GetJsonAsync("/openapi.json", V1Host.AdminKey);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/Accounts/{account_sid}/SpeechCredentials", out var collection), raw);
        Assert.True(collection.TryGetProperty("post", out _));
        Assert.True(collection.TryGetProperty("get", out _));
        var one = paths.GetProperty("/v1/Accounts/{account_sid}/SpeechCredentials/{speech_credential_sid}");
        Assert.True(one.TryGetProperty("put", out _) && one.TryGetProperty("delete", out _) && one.TryGetProperty("get", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var response = schemas.GetProperty("SpeechCredentialResponse").GetProperty("properties");
        Assert.True(response.TryGetProperty("has_api_key", out _));
        Assert.False(response.TryGetProperty("api_key", out _));
        Assert.True(schemas.GetProperty("SpeechCredentialBody").GetProperty("properties").TryGetProperty("api_key", out _));
    }
}
