using System.Net;

namespace Switchboard.Server.Tests.V1;

/// <summary>The Calls resource finds applications and carriers made through the /v1 resources, in the caller's account only.</summary>
public sealed class CallsWiringTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task ACall_FindsTheAccountsApplication_AndNotAnotherAccounts()
    {
        var (account, key) = await server.NewAccountAsync();
        var (other, otherKey) = await server.NewAccountAsync();
        var application = await server.CreateAsync("/v1/Applications", """{"name":"a","call_hook":"https://example.com/call"}""", key);
        var username = "wiring" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateAsync($"/v1/Accounts/{account}/Clients", $$"""{"username":"{{username}}","password":"12345678"}""", key);
        // A client that is not registered has no route: the request gets past the application and stops there.
        var call = $$$"""{"application_sid":"{{{application}}}","from":"100","to":{"type":"user","name":"{{{username}}}"}}""";

        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{account}/Calls", call, key), HttpStatusCode.UnprocessableEntity, "to");
        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{other}/Calls", call, otherKey), HttpStatusCode.BadRequest, "application_sid");
    }

    [Fact]
    public async Task ACallToATrunk_LooksTheCarrierUpByNameInTheAccount()
    {
        var (account, key) = await server.NewAccountAsync();
        var (other, otherKey) = await server.NewAccountAsync();
        await server.CreateAsync("/v1/VoipCarriers", """{"name":"trunk","host":"192.0.2.1"}""", otherKey);
        var call = """{"call_hook":"https://example.com/call","from":"100","to":{"type":"phone","number":"15550100","trunk":"trunk"}}""";

        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{account}/Calls", call, key), HttpStatusCode.BadRequest, "to.trunk");
        Assert.NotEqual(other, account);
    }

    [Fact]
    public async Task ACallToAUser_NamesToNameWhenTheAccountHasNoSuchClient()
    {
        var (account, key) = await server.NewAccountAsync();
        var (other, otherKey) = await server.NewAccountAsync();
        var username = "elsewhere" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateAsync($"/v1/Accounts/{other}/Clients", $$"""{"username":"{{username}}","password":"12345678"}""", otherKey);

        foreach (var name in new[] { "nobody", username })
        {
            var call = $$$"""{"call_hook":"https://example.com/call","from":"100","to":{"type":"user","name":"{{{name}}}"}}""";
            await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{account}/Calls", call, key), HttpStatusCode.BadRequest, "to.name");
        }
    }
}
