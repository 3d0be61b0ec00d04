using System.Net;
using System.Text.Json;
using Switchboard.Api.Tests.V1.Support;

namespace Switchboard.Api.Tests.V1.PhoneNumbers;

public sealed class PhoneNumbersEndpointTests(V1Host host) : IClassFixture<V1Host>
{
    private static string NewNumber() => "+3069" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    [Fact]
    public async Task ANumberWithACallbackUrl_IsCreatedListedAndShownWithIt()
    {
        var (account, key) = await host.NewAccountAsync();
        var number = NewNumber();

        var sid = await host.CreateAsync($"/v1/Accounts/{account}/PhoneNumbers", $$"""{"number":"{{number}}","callback_url":"https://example.com/events"}""", key);

        var created = (await host.GetJsonAsync($"/v1/Accounts/{account}/PhoneNumbers/{sid}", key)).Json;
        Assert.Equal(("https://example.com/events", JsonValueKind.Null), (created.GetProperty("callback_url").GetString(), created.GetProperty("application_sid").ValueKind));
        var listed = Assert.Single((await host.GetJsonAsync($"/v1/Accounts/{account}/PhoneNumbers", key)).Json.EnumerateArray());
        Assert.Equal("https://example.com/events", listed.GetProperty("callback_url").GetString());
    }

    [Fact]
    public async Task ANumberWithAnApplication_ShowsANullCallbackUrl_AsBefore()
    {
        var (account, key) = await host.NewAccountAsync();
        var app = await host.CreateAsync("/v1/Applications", """{"name":"a","call_hook":"https://example.com/a"}""", key);

        var sid = await host.CreateAsync($"/v1/Accounts/{account}/PhoneNumbers", $$"""{"number":"{{NewNumber()}}","application_sid":"{{app}}"}""", key);

        var created = (await host.GetJsonAsync($"/v1/PhoneNumbers/{sid}", key)).Json;
        Assert.Equal(app, created.GetProperty("application_sid").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("callback_url").ValueKind);
    }

    [Fact]
    public async Task Put_SwitchesFromAnApplicationToACallbackUrlAndBack()
    {
        var (account, key) = await host.NewAccountAsync();
        var app = await host.CreateAsync("/v1/Applications", """{"name":"a","call_hook":"https://example.com/a"}""", key);
        var sid = await host.CreateAsync($"/v1/Accounts/{account}/PhoneNumbers", $$"""{"number":"{{NewNumber()}}","application_sid":"{{app}}"}""", key);
        var path = $"/v1/Accounts/{account}/PhoneNumbers/{sid}";

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Put, path, key, """{"application_sid":null,"callback_url":"http://192.0.2.7:8080/voice"}""")).Status);
        var switched = (await host.GetJsonAsync(path, key)).Json;
        Assert.Equal(("http://192.0.2.7:8080/voice", JsonValueKind.Null), (switched.GetProperty("callback_url").GetString(), switched.GetProperty("application_sid").ValueKind));

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Put, path, key, $$"""{"application_sid":"{{app}}","callback_url":null}""")).Status);
        var back = (await host.GetJsonAsync(path, key)).Json;
        Assert.Equal((app, JsonValueKind.Null), (back.GetProperty("application_sid").GetString(), back.GetProperty("callback_url").ValueKind));
    }

    [Fact]
    public async Task BothAnApplicationAndACallbackUrl_Is400NamingCallbackUrl_OnCreateAndUpdate()
    {
        var (account, key) = await host.NewAccountAsync();
        var app = await host.CreateAsync("/v1/Applications", """{"name":"a","call_hook":"https://example.com/a"}""", key);

        var both = await host.SendAsync(HttpMethod.Post, $"/v1/Accounts/{account}/PhoneNumbers", key, $$"""{"number":"{{NewNumber()}}","application_sid":"{{app}}","callback_url":"https://example.com/e"}""");
        V1Host.AssertProblem(both, HttpStatusCode.BadRequest, "callback_url");
        Assert.Contains("not both", both.Body, StringComparison.Ordinal);
        Assert.Equal("[]", (await host.GetJsonAsync($"/v1/Accounts/{account}/PhoneNumbers", key)).Raw);

        var sid = await host.CreateAsync($"/v1/Accounts/{account}/PhoneNumbers", $$"""{"number":"{{NewNumber()}}","application_sid":"{{app}}"}""", key);
        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Put, $"/v1/PhoneNumbers/{sid}", key, """{"callback_url":"https://example.com/e"}"""), HttpStatusCode.BadRequest, "callback_url");
        var unchanged = (await host.GetJsonAsync($"/v1/PhoneNumbers/{sid}", key)).Json;
        Assert.Equal((app, JsonValueKind.Null), (unchanged.GetProperty("application_sid").GetString(), unchanged.GetProperty("callback_url").ValueKind));
    }

    [Theory]
    [InlineData("\"ftp://example.com/e\"")]
    [InlineData("\"example.com/e\"")]
    [InlineData("\"https://user:secret@example.com/e\"")]
    [InlineData("true")]
    public async Task ABadCallbackUrl_Is400NamingIt(string url)
    {
        var (_, key) = await host.NewAccountAsync();

        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Post, "/v1/PhoneNumbers", key, $$"""{"number":"{{NewNumber()}}","callback_url":{{url}}}"""), HttpStatusCode.BadRequest, "callback_url");
    }

    [Fact]
    public async Task TheApiDescription_ShowsCallbackUrl_InTheBodyAndTheResponse()
    {
        var (raw, document) = await host.GetJsonAsync("/openapi.json", V1Host.AdminKey);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("PhoneNumberBody").GetProperty("properties").TryGetProperty("callback_url", out _), raw);
        Assert.True(schemas.GetProperty("PhoneNumberResponse").GetProperty("properties").TryGetProperty("callback_url", out _), raw);
    }
}
