using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.V1;

public sealed class AccountsAndKeysTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task Admin_CreatesListsRenamesAndDeletesAccounts()
    {
        var name = "acme-" + Guid.NewGuid().ToString("N");
        var sid = await server.CreateAsync("/v1/Accounts", $$"""{"name":"{{name}}"}""");

        Assert.Equal(name, (await server.GetJsonAsync($"/v1/Accounts/{sid}")).GetProperty("name").GetString());
        Assert.Contains(sid, (await server.GetJsonAsync("/v1/Accounts")).EnumerateArray().Select(a => a.GetProperty("account_sid").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await server.PutAsync($"/v1/Accounts/{sid}", $$"""{"name":"{{name}}-2"}""")).StatusCode);
        Assert.Equal(name + "-2", (await server.GetJsonAsync($"/v1/Accounts/{sid}")).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/Accounts/{sid}")).StatusCode);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{sid}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AccountNames_AreValidatedAndUnique()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N");
        await server.CreateAsync("/v1/Accounts", $$"""{"name":"{{name}}"}""");

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts", $$"""{"name":"{{name}}"}"""), HttpStatusCode.Conflict, "name");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts", """{"name":"default"}"""), HttpStatusCode.Conflict, "name");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts", "{}"), HttpStatusCode.BadRequest, "name");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts", $$"""{"name":"{{new string('x', 65)}}"}"""), HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task TheDefaultAccount_CanBeNeitherRenamedNorDeleted()
    {
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/Accounts/{server.DefaultAccountSid}", """{"name":"other"}"""), HttpStatusCode.Conflict, "name");
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Accounts/{server.DefaultAccountSid}"), HttpStatusCode.Conflict);
        Assert.Equal("default", (await server.GetJsonAsync($"/v1/Accounts/{server.DefaultAccountSid}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task AccountKey_SeesOnlyItsOwnAccount_AndCannotManageAccounts()
    {
        var (account, key) = await server.NewAccountAsync();
        var (other, _) = await server.NewAccountAsync();

        var list = await server.GetJsonAsync("/v1/Accounts", key);
        Assert.Equal([account], list.EnumerateArray().Select(a => a.GetProperty("account_sid").GetString()));
        Assert.Equal(account, (await server.GetJsonAsync($"/v1/Accounts/{account}", key)).GetProperty("account_sid").GetString());
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{other}", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{server.DefaultAccountSid}", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/Accounts/{other}", """{"name":"x"}""", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Accounts/{other}", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts", """{"name":"mine"}""", key), HttpStatusCode.Forbidden);
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/Accounts/{account}", """{"name":"x"}""", key), HttpStatusCode.Forbidden);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Accounts/{account}", key), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeletingAnAccount_RevokesItsKeys()
    {
        var (account, key) = await server.NewAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("/v1/Applications", key)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/Accounts/{account}")).StatusCode);

        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Applications", key), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreatedKey_ReturnsItsTokenOnce_ListsWithoutIt_AndStopsWorkingWhenDeleted()
    {
        var (account, key) = await server.NewAccountAsync();

        var response = await server.PostAsync("/v1/ApiKeys", string.Empty, key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var created = JsonDocument.Parse(text);
        var sid = created.RootElement.GetProperty("sid").GetString()!;
        var token = created.RootElement.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("/v1/Applications", token)).StatusCode);
        var listed = await server.GetJsonAsync($"/v1/Accounts/{account}/ApiKeys", key);
        Assert.Equal(2, listed.GetArrayLength());
        Assert.DoesNotContain(token, listed.GetRawText(), StringComparison.Ordinal);
        var one = await server.GetJsonAsync($"/v1/ApiKeys/{sid}", key);
        Assert.Equal("account", one.GetProperty("scope").GetString());
        Assert.False(one.TryGetProperty("token", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/ApiKeys/{sid}", key)).StatusCode);
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Applications", token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminKeys_AreMadeOnlyByAdmins_OnlyInTheDefaultAccount()
    {
        var (account, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/ApiKeys", """{"scope":"admin"}""", key), HttpStatusCode.Forbidden);
        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{account}/ApiKeys", """{"scope":"admin"}"""), HttpStatusCode.BadRequest, "scope");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/ApiKeys", """{"scope":"root"}"""), HttpStatusCode.BadRequest, "scope");

        var response = await server.PostAsync("/v1/ApiKeys", """{"scope":"admin"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var admin = created.RootElement.GetProperty("token").GetString()!;
        Assert.Equal(account, (await server.GetJsonAsync($"/v1/Accounts/{account}", admin)).GetProperty("account_sid").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/ApiKeys/{created.RootElement.GetProperty("sid").GetString()}", admin)).StatusCode);
    }

    [Fact]
    public async Task TheLastAdminKey_CannotBeDeleted()
    {
        var keys = await server.GetJsonAsync("/v1/ApiKeys");
        var admins = keys.EnumerateArray().Where(k => k.GetProperty("scope").GetString() == "admin").ToArray();
        Assert.Single(admins);

        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/ApiKeys/{admins[0].GetProperty("api_key_sid").GetString()}"), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("/v1/Accounts")).StatusCode);
    }

    [Fact]
    public async Task AnAccountKeyOfTheDefaultAccount_CannotSeeOrDeleteAdminKeys()
    {
        var response = await server.PostAsync("/v1/ApiKeys", "{}");
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var accountKey = created.RootElement.GetProperty("token").GetString()!;
        var admins = (await server.GetJsonAsync("/v1/ApiKeys")).EnumerateArray()
            .Where(k => k.GetProperty("scope").GetString() == "admin").Select(k => k.GetProperty("api_key_sid").GetString()).ToArray();

        var visible = await server.GetJsonAsync("/v1/ApiKeys", accountKey);

        Assert.All(visible.EnumerateArray(), k => Assert.Equal("account", k.GetProperty("scope").GetString()));
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/ApiKeys/{admins[0]}", accountKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/ApiKeys/{admins[0]}", accountKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Accounts/" + Guid.NewGuid(), accountKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Accounts", """{"name":"nope"}""", accountKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ShortRoutes_TakeABodyAccountSid_OnlyForAnAccountTheKeyMayUse()
    {
        var (account, key) = await server.NewAccountAsync();
        var (other, _) = await server.NewAccountAsync();
        const string app = """{"name":"x","call_hook":"https://example.com/a","account_sid":"ACCOUNT"}""";

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Applications", app.Replace("ACCOUNT", other, StringComparison.Ordinal), key), HttpStatusCode.BadRequest, "account_sid");
        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{account}/Applications", app.Replace("ACCOUNT", other, StringComparison.Ordinal)), HttpStatusCode.BadRequest, "account_sid");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Applications", app.Replace("ACCOUNT", "missing", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "account_sid");
        var mine = await server.CreateAsync("/v1/Applications", app.Replace("ACCOUNT", account, StringComparison.Ordinal), key);
        var theirs = await server.CreateAsync("/v1/Applications", app.Replace("ACCOUNT", other, StringComparison.Ordinal));

        Assert.Equal(account, (await server.GetJsonAsync($"/v1/Applications/{mine}", key)).GetProperty("account_sid").GetString());
        Assert.Equal(other, (await server.GetJsonAsync($"/v1/Accounts/{other}/Applications/{theirs}")).GetProperty("account_sid").GetString());
        var ownKeys = await server.CreateAsync("/v1/ApiKeys", $$"""{"account_sid":"{{other}}"}""");
        Assert.Contains(ownKeys, (await server.GetJsonAsync($"/v1/Accounts/{other}/ApiKeys")).EnumerateArray().Select(k => k.GetProperty("api_key_sid").GetString()));
    }

    [Theory]
    [InlineData("GET", "/v1/Accounts")]
    [InlineData("GET", "/v1/Applications")]
    [InlineData("POST", "/v1/PhoneNumbers")]
    [InlineData("DELETE", "/v1/VoipCarriers/x")]
    [InlineData("GET", "/v1/Accounts/x/Clients")]
    public async Task EveryResource_WithoutAKey_Is401(string method, string path)
    {
        await V1Server.AssertProblemAsync(await server.SendAsync(new HttpMethod(method), path, key: null, body: "{}"), HttpStatusCode.Unauthorized);
        await V1Server.AssertProblemAsync(await server.SendAsync(new HttpMethod(method), path, key: "sb_wrong", body: "{}"), HttpStatusCode.Unauthorized);
    }
}
