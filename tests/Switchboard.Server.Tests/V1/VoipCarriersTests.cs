using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.V1;

public sealed class VoipCarriersTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task Crud_NeverReturnsThePassword()
    {
        var (account, key) = await server.NewAccountAsync();
        const string body = """
            {"name":"trunk","host":"sip.example.com","port":5080,"transport":"TCP","username":"u","password":"secret-pw",
             "register":true,"tech_prefix":"99","e164_leading_plus":true,"inbound_allow_list":["192.0.2.10","2001:db8::/32"]}
            """;

        var sid = await server.CreateAsync($"/v1/Accounts/{account}/VoipCarriers", body, key);

        var response = await server.GetAsync($"/v1/VoipCarriers/{sid}", key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-pw", text, StringComparison.Ordinal);
        var carrier = JsonDocument.Parse(text).RootElement;
        Assert.Equal(sid, carrier.GetProperty("voip_carrier_sid").GetString());
        Assert.Equal(("sip.example.com", 5080, "tcp", "u"), (carrier.GetProperty("host").GetString(), carrier.GetProperty("port").GetInt32(), carrier.GetProperty("transport").GetString(), carrier.GetProperty("username").GetString()));
        Assert.True(carrier.GetProperty("has_password").GetBoolean());
        Assert.True(carrier.GetProperty("register").GetBoolean());
        Assert.True(carrier.GetProperty("e164_leading_plus").GetBoolean());
        Assert.Equal("99", carrier.GetProperty("tech_prefix").GetString());
        Assert.Equal(["192.0.2.10", "2001:db8::/32"], carrier.GetProperty("inbound_allow_list").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("secret-pw", (await server.GetJsonAsync("/v1/VoipCarriers", key)).GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await server.PutAsync($"/v1/VoipCarriers/{sid}", """{"register":false,"password":null,"username":null,"inbound_allow_list":[]}""", key)).StatusCode);
        var updated = await server.GetJsonAsync($"/v1/VoipCarriers/{sid}", key);
        Assert.False(updated.GetProperty("has_password").GetBoolean());
        Assert.Empty(updated.GetProperty("inbound_allow_list").EnumerateArray());
        Assert.Equal(5080, updated.GetProperty("port").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/VoipCarriers/{sid}", key)).StatusCode);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/VoipCarriers/{sid}", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task JambonzFieldNames_AreAcceptedAsAliases()
    {
        var (_, key) = await server.NewAccountAsync();

        var sid = await server.CreateAsync("/v1/VoipCarriers", """
            {"name":"j","host":"10.0.0.1","requires_register":1,"register_username":"ru","register_password":"rp","e164_leading_plus":0,"port":"5070"}
            """, key);

        var carrier = await server.GetJsonAsync($"/v1/VoipCarriers/{sid}", key);
        Assert.True(carrier.GetProperty("register").GetBoolean());
        Assert.Equal("ru", carrier.GetProperty("username").GetString());
        Assert.True(carrier.GetProperty("has_password").GetBoolean());
        Assert.Equal(5070, carrier.GetProperty("port").GetInt32());
        Assert.Equal("udp", carrier.GetProperty("transport").GetString());
    }

    [Fact]
    public async Task Names_AreUniquePerAccount()
    {
        var (_, first) = await server.NewAccountAsync();
        var (_, second) = await server.NewAccountAsync();
        await server.CreateAsync("/v1/VoipCarriers", """{"name":"same","host":"10.0.0.1"}""", first);

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/VoipCarriers", """{"name":"same","host":"10.0.0.2"}""", first), HttpStatusCode.Conflict, "name");
        await server.CreateAsync("/v1/VoipCarriers", """{"name":"same","host":"10.0.0.2"}""", second);
    }

    [Fact]
    public async Task Delete_WhileANumberIsTiedToIt_Is409()
    {
        var (_, key) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/VoipCarriers", """{"name":"t","host":"10.0.0.1"}""", key);
        await server.CreateAsync("/v1/PhoneNumbers", $$"""{"number":"+4420{{Random.Shared.Next(10_000_000, 99_999_999)}}","voip_carrier_sid":"{{sid}}"}""", key);

        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/VoipCarriers/{sid}", key), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"host":"10.0.0.1"}""", "name")]
    [InlineData("""{"name":"t"}""", "host")]
    [InlineData("""{"name":"t","host":"not a host"}""", "host")]
    [InlineData("""{"name":"t","host":"10.0.0.1","port":0}""", "port")]
    [InlineData("""{"name":"t","host":"10.0.0.1","port":70000}""", "port")]
    [InlineData("""{"name":"t","host":"10.0.0.1","transport":"tls"}""", "transport")]
    [InlineData("""{"name":"t","host":"10.0.0.1","register":true}""", "username")]
    [InlineData("""{"name":"t","host":"10.0.0.1","register":true,"username":"u"}""", "password")]
    [InlineData("""{"name":"t","host":"10.0.0.1","password":"p"}""", "username")]
    [InlineData("""{"name":"t","host":"10.0.0.1","requires_register":true,"register_username":"u"}""", "register_password")]
    [InlineData("""{"name":"t","host":"10.0.0.1","tech_prefix":"9a"}""", "tech_prefix")]
    [InlineData("""{"name":"t","host":"10.0.0.1","e164_leading_plus":2}""", "e164_leading_plus")]
    [InlineData("""{"name":"t","host":"10.0.0.1","inbound_allow_list":"10.0.0.1"}""", "inbound_allow_list")]
    [InlineData("""{"name":"t","host":"10.0.0.1","inbound_allow_list":["10.0.0.1","10.1"]}""", "inbound_allow_list[1]")]
    [InlineData("""{"name":"t","host":"10.0.0.1","inbound_allow_list":["10.0.0.1/33"]}""", "inbound_allow_list[0]")]
    [InlineData("""{"name":"t","host":"10.0.0.1","inbound_allow_list":["10.0.0.1/24"]}""", "inbound_allow_list[0]")]
    [InlineData("""{"name":"t","host":"10.0.0.1","inbound_allow_list":[7]}""", "inbound_allow_list[0]")]
    public async Task BadInput_Is400NamingTheField(string body, string field)
    {
        var (_, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/VoipCarriers", body, key), HttpStatusCode.BadRequest, field);

        Assert.Empty((await server.GetJsonAsync("/v1/VoipCarriers", key)).EnumerateArray());
    }

    [Fact]
    public async Task AnotherAccountsKey_Gets404()
    {
        var (_, owner) = await server.NewAccountAsync();
        var (_, other) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/VoipCarriers", """{"name":"t","host":"10.0.0.1"}""", owner);

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/VoipCarriers/{sid}", other), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/VoipCarriers/{sid}", """{"port":5061}""", other), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/VoipCarriers/{sid}", other), HttpStatusCode.NotFound);
    }
}
