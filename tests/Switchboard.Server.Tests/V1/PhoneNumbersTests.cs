using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.V1;

public sealed class PhoneNumbersTests(V1Server server) : IClassFixture<V1Server>
{
    private static string NewNumber() => "+3069" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    [Fact]
    public async Task Crud_WithApplicationAndCarrier()
    {
        var (account, key) = await server.NewAccountAsync();
        var app = await server.CreateAsync("/v1/Applications", """{"name":"a","call_hook":"https://example.com/a"}""", key);
        var carrier = await server.CreateAsync("/v1/VoipCarriers", """{"name":"t","host":"192.0.2.1"}""", key);
        var number = NewNumber();

        var sid = await server.CreateAsync($"/v1/Accounts/{account}/PhoneNumbers", $$"""{"number":"{{number}}","application_sid":"{{app}}","voip_carrier_sid":"{{carrier}}"}""", key);

        var created = await server.GetJsonAsync($"/v1/PhoneNumbers/{sid}", key);
        Assert.Equal(sid, created.GetProperty("phone_number_sid").GetString());
        Assert.Equal(number, created.GetProperty("number").GetString());
        Assert.Equal(app, created.GetProperty("application_sid").GetString());
        Assert.Equal(carrier, created.GetProperty("voip_carrier_sid").GetString());

        var moved = NewNumber();
        Assert.Equal(HttpStatusCode.NoContent, (await server.PutAsync($"/v1/PhoneNumbers/{sid}", $$"""{"number":"{{moved}}","voip_carrier_sid":null}""", key)).StatusCode);
        var updated = await server.GetJsonAsync($"/v1/PhoneNumbers/{sid}", key);
        Assert.Equal(moved, updated.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("voip_carrier_sid").ValueKind);
        Assert.Equal(app, updated.GetProperty("application_sid").GetString());
        Assert.Single((await server.GetJsonAsync("/v1/PhoneNumbers", key)).EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/PhoneNumbers/{sid}", key)).StatusCode);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/PhoneNumbers/{sid}", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANumber_IsUniqueAcrossAccounts_IgnoringTheLeadingPlus()
    {
        var (_, first) = await server.NewAccountAsync();
        var (_, second) = await server.NewAccountAsync();
        var number = NewNumber();
        await server.CreateAsync("/v1/PhoneNumbers", $$"""{"number":"{{number}}"}""", first);

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/PhoneNumbers", $$"""{"number":"{{number[1..]}}"}""", second), HttpStatusCode.Conflict, "number");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/PhoneNumbers", $$"""{"number":"{{number}}"}""", first), HttpStatusCode.Conflict, "number");
    }

    [Fact]
    public async Task AnotherAccountsApplicationOrCarrier_Is400NamingTheField()
    {
        var (_, owner) = await server.NewAccountAsync();
        var (_, other) = await server.NewAccountAsync();
        var app = await server.CreateAsync("/v1/Applications", """{"name":"a","call_hook":"https://example.com/a"}""", owner);
        var carrier = await server.CreateAsync("/v1/VoipCarriers", """{"name":"t","host":"192.0.2.1"}""", owner);

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/PhoneNumbers", $$"""{"number":"{{NewNumber()}}","application_sid":"{{app}}"}""", other), HttpStatusCode.BadRequest, "application_sid");
        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/PhoneNumbers", $$"""{"number":"{{NewNumber()}}","voip_carrier_sid":"{{carrier}}"}""", other), HttpStatusCode.BadRequest, "voip_carrier_sid");
        Assert.Empty((await server.GetJsonAsync("/v1/PhoneNumbers", other)).EnumerateArray());
    }

    [Theory]
    [InlineData("""{}""", "number")]
    [InlineData("""{"number":"+"}""", "number")]
    [InlineData("""{"number":"555-0100"}""", "number")]
    [InlineData("""{"number":"++15550100"}""", "number")]
    [InlineData("""{"number":"123456789012345678901234567890123"}""", "number")]
    [InlineData("""{"number":"15550100","application_sid":5}""", "application_sid")]
    [InlineData("""{"number":"15550100","voip_carrier_sid":"nope"}""", "voip_carrier_sid")]
    public async Task BadInput_Is400NamingTheField(string body, string field)
    {
        var (_, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.PostAsync("/v1/PhoneNumbers", body, key), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task AnotherAccountsKey_Gets404()
    {
        var (_, owner) = await server.NewAccountAsync();
        var (_, other) = await server.NewAccountAsync();
        var sid = await server.CreateAsync("/v1/PhoneNumbers", $$"""{"number":"{{NewNumber()}}"}""", owner);

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/PhoneNumbers/{sid}", other), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PutAsync($"/v1/PhoneNumbers/{sid}", """{"number":"1"}""", other), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/PhoneNumbers/{sid}", other), HttpStatusCode.NotFound);
    }
}
