using System.Net;

namespace Switchboard.Server.Tests.V1;

public sealed class ClientsTests(V1Server server) : IClassFixture<V1Server>
{
    private static string NewUsername() => "user" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Crud_NeverReturnsThePassword()
    {
        var (account, key) = await server.NewAccountAsync();
        var username = NewUsername();

        var sid = await server.CreateAsync($"/v1/Accounts/{account}/Clients", $$"""{"username":"{{username}}","password":"correct horse"}""", key);

        var response = await server.GetAsync($"/v1/Clients/{sid}", key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("correct horse", text, StringComparison.Ordinal);
        var client = await server.GetJsonAsync($"/v1/Clients/{sid}", key);
        Assert.Equal(sid, client.GetProperty("client_sid").GetString());
        Assert.Equal(username, client.GetProperty("username").GetString());
        Assert.Equal("switchboard", client.GetProperty("realm").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await server.PutAsync($"/v1/Clients/{sid}", $$"""{"username":"{{username}}x","password":"battery staple"}""", key)).StatusCode);
        Assert.Equal(username + "x", (await server.GetJsonAsync($"/v1/Clients/{sid}", key)).GetProperty("username").GetString());
        Assert.Single((await server.GetJsonAsync("/v1/Clients", key)).EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/Clients/{sid}", key)).StatusCode);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Clients/{sid}", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Usernames_AreUniqueAcrossAccounts()
    {
        var (_, first) = await server.NewAccountAsync();
        var (_, second) = await server.NewAccountAsync();
        var username = NewUsername();
        await server.CreateAsync("/v1/Clients", $$"""{"username":"{{username}}","password":"12345678"}""", first);

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Clients", $$"""{"username":"{{username}}","password":"12345678"}""", second), HttpStatusCode.Conflict, "username");
    }

    [Theory]
    [InlineData("""{"password":"12345678"}""", "username")]
    [InlineData("""{"username":"a@b","password":"12345678"}""", "username")]
    [InlineData("""{"username":"a:b","password":"12345678"}""", "username")]
    [InlineData("""{"username":"alice"}""", "password")]
    [InlineData("""{"username":"alice","password":"short"}""", "password")]
    public async Task BadInput_Is400NamingTheField(string body, string field)
    {
        var (_, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/Clients", body, key), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ANewUsername_NeedsThePasswordAgain()
    {
        var (_, key) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/Clients", $$"""{"username":"{{NewUsername()}}","password":"12345678"}""", key);

        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/Clients/{sid}", $$"""{"username":"{{NewUsername()}}"}""", key), HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task AnotherAccountsKey_Gets404()
    {
        var (_, owner) = await server.NewAccountAsync();
        var (_, other) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/Clients", $$"""{"username":"{{NewUsername()}}","password":"12345678"}""", owner);

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Clients/{sid}", other), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/Clients/{sid}", """{"password":"abcdefgh"}""", other), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Clients/{sid}", other), HttpStatusCode.NotFound);
    }
}
