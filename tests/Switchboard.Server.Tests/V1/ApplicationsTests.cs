using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.V1;

public sealed class ApplicationsTests(V1Server server) : IClassFixture<V1Server>
{
    private const string Valid = """
        {"name":"ivr","call_hook":"https://example.com/call",
         "call_status_hook":{"url":"https://example.com/status","method":"get","username":"u","password":"p"},
         "speech_synthesis_vendor":"espeak","speech_synthesis_voice":"en-us","speech_synthesis_language":"en-US",
         "record_all_calls":true}
        """;

    [Fact]
    public async Task Crud_UnderTheAccountPath()
    {
        var (account, key) = await server.NewAccountAsync();
        var basePath = $"/v1/Accounts/{account}/Applications";

        var sid = await server.CreateAsync(basePath, Valid, key);
        var created = await server.GetJsonAsync($"{basePath}/{sid}", key);
        Assert.Equal(sid, created.GetProperty("application_sid").GetString());
        Assert.Equal(account, created.GetProperty("account_sid").GetString());
        Assert.Equal("https://example.com/call", created.GetProperty("call_hook").GetProperty("url").GetString());
        Assert.Equal("POST", created.GetProperty("call_hook").GetProperty("method").GetString());
        Assert.Equal("GET", created.GetProperty("call_status_hook").GetProperty("method").GetString());
        Assert.Equal("u", created.GetProperty("call_status_hook").GetProperty("username").GetString());
        Assert.False(created.GetProperty("call_status_hook").TryGetProperty("password", out _));
        Assert.True(created.GetProperty("record_all_calls").GetBoolean());

        var update = await server.PutAsync($"{basePath}/{sid}", """{"name":"renamed","call_status_hook":null}""", key);
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var updated = await server.GetJsonAsync($"{basePath}/{sid}", key);
        Assert.Equal("renamed", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("call_status_hook").ValueKind);
        Assert.Equal("espeak", updated.GetProperty("speech_synthesis_vendor").GetString());

        var list = await server.GetJsonAsync(basePath, key);
        Assert.Equal([sid], list.EnumerateArray().Select(a => a.GetProperty("application_sid").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"{basePath}/{sid}", key)).StatusCode);
        await V1Server.AssertProblemAsync(await server.GetAsync($"{basePath}/{sid}", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"{basePath}/{sid}", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShortRoute_ActsOnTheKeysAccount_AndSharesResourcesWithTheLongOne()
    {
        var (account, key) = await server.NewAccountAsync();

        var sid = await server.CreateAsync("/v1/Applications", Valid, key);

        Assert.Equal(account, (await server.GetJsonAsync($"/v1/Accounts/{account}/Applications/{sid}", key)).GetProperty("account_sid").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await server.PutAsync($"/v1/Applications/{sid}", """{"record_all_calls":0}""", key)).StatusCode);
        Assert.False((await server.GetJsonAsync($"/v1/Applications/{sid}", key)).GetProperty("record_all_calls").GetBoolean());
        Assert.Single((await server.GetJsonAsync("/v1/Applications", key)).EnumerateArray());
    }

    [Fact]
    public async Task AnotherAccountsKey_Gets404_ForTheResourceAndTheAccountPath()
    {
        var (owner, ownerKey) = await server.NewAccountAsync();
        var (_, otherKey) = await server.NewAccountAsync();
        var sid = await server.CreateAsync($"/v1/Accounts/{owner}/Applications", Valid, ownerKey);

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Applications/{sid}", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/Applications/{sid}", """{"name":"x"}""", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Applications/{sid}", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{owner}/Applications", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{owner}/Applications/{sid}", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{owner}/Applications", Valid, otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Accounts/no-such-account/Applications", otherKey), HttpStatusCode.NotFound);
        Assert.Empty((await server.GetJsonAsync("/v1/Applications", otherKey)).EnumerateArray());
        Assert.Equal("ivr", (await server.GetJsonAsync($"/v1/Applications/{sid}", ownerKey)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task AdminKey_ActsOnAnyExistingAccount_ButNotOnAMissingOne()
    {
        var (account, key) = await server.NewAccountAsync();

        var sid = await server.CreateAsync($"/v1/Accounts/{account}/Applications", Valid);

        Assert.Equal(sid, (await server.GetJsonAsync($"/v1/Applications/{sid}", key)).GetProperty("application_sid").GetString());
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Accounts/no-such-account/Applications"), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts/no-such-account/Applications", Valid), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"call_hook":"https://example.com/a"}""", "name")]
    [InlineData("""{"name":"","call_hook":"https://example.com/a"}""", "name")]
    [InlineData("""{"name":"x"}""", "call_hook")]
    [InlineData("""{"name":"x","call_hook":"ftp://example.com/a"}""", "call_hook")]
    [InlineData("""{"name":"x","call_hook":"/relative"}""", "call_hook")]
    [InlineData("""{"name":"x","call_hook":{"method":"POST"}}""", "call_hook.url")]
    [InlineData("""{"name":"x","call_hook":{"url":"https://e.com","method":"PATCH"}}""", "call_hook.method")]
    [InlineData("""{"name":"x","call_hook":{"url":"https://e.com","username":"u"}}""", "call_hook.password")]
    [InlineData("""{"name":"x","call_hook":42}""", "call_hook")]
    [InlineData("""{"name":"x","call_hook":"https://e.com","call_status_hook":"nope"}""", "call_status_hook")]
    [InlineData("""{"name":"x","call_hook":"https://e.com","record_all_calls":"yes"}""", "record_all_calls")]
    [InlineData("""{"name":"x","call_hook":"https://e.com","speech_synthesis_voice":7}""", "speech_synthesis_voice")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"name":""", "$")]
    public async Task BadInput_Is400NamingTheField_AndCreatesNothing(string body, string field)
    {
        var (_, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Applications", body, key), HttpStatusCode.BadRequest, field);

        Assert.Empty((await server.GetJsonAsync("/v1/Applications", key)).EnumerateArray());
    }

    [Fact]
    public async Task BadUpdate_Is400NamingTheField_AndChangesNothing()
    {
        var (_, key) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/Applications", Valid, key);

        await V1Server.AssertProblemAsync(
            await server.PutAsync($"/v1/Applications/{sid}", """{"name":"ok","call_hook":{"url":"mailto:x@y"}}""", key), HttpStatusCode.BadRequest, "call_hook.url");

        Assert.Equal("ivr", (await server.GetJsonAsync($"/v1/Applications/{sid}", key)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Delete_WhileAPhoneNumberRoutesToIt_Is409()
    {
        var (_, key) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/Applications", Valid, key);
        var number = await server.CreateAsync("/v1/PhoneNumbers", $$"""{"number":"+1555{{Random.Shared.Next(1_000_000, 9_999_999)}}","application_sid":"{{sid}}"}""", key);

        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Applications/{sid}", key), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await server.PutAsync($"/v1/PhoneNumbers/{number}", """{"application_sid":null}""", key)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/Applications/{sid}", key)).StatusCode);
    }

    [Fact]
    public async Task List_IsPaged_WithANextLinkUntilTheLastPage()
    {
        var (_, key) = await server.NewAccountAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await server.CreateAsync("/v1/Applications", $$"""{"name":"app{{i}}","call_hook":"https://example.com/{{i}}"}""", key));
        }

        var seen = new List<string>();
        var path = "/v1/Applications?limit=2";
        var pages = 0;
        while (path is not null)
        {
            var response = await server.GetAsync(path, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            seen.AddRange(page.RootElement.EnumerateArray().Select(a => a.GetProperty("application_sid").GetString()!));
            path = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
            Assert.Equal(path is not null, response.Headers.Contains("X-Next-Cursor"));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(created, seen);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?cursor=abc", "cursor")]
    public async Task List_WithBadPaging_Is400NamingTheParameter(string query, string field)
    {
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Applications" + query), HttpStatusCode.BadRequest, field);
    }
}
