using System.Net;

namespace Switchboard.Server.Tests.V1;

public sealed class WebhookSecretTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task Secret_IsMadeOnFirstRead_AndStaysTheSame()
    {
        var (account, key) = await server.NewAccountAsync();

        var first = await server.GetJsonAsync($"/v1/Accounts/{account}/WebhookSecret", key);
        var second = await server.GetJsonAsync("/v1/WebhookSecret", key);

        var secret = first.GetProperty("webhook_secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
        Assert.Equal(secret, second.GetProperty("webhook_secret").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("previous_webhook_secret").ValueKind);
    }

    [Fact]
    public async Task Rotate_GivesANewSecret_AndKeepsTheOldOneForTheGracePeriod()
    {
        var (account, key) = await server.NewAccountAsync();
        var old = (await server.GetJsonAsync($"/v1/Accounts/{account}/WebhookSecret", key)).GetProperty("webhook_secret").GetString();

        var response = await server.PostAsync($"/v1/Accounts/{account}/WebhookSecret/rotate", "{}", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = await server.GetJsonAsync($"/v1/Accounts/{account}/WebhookSecret", key);
        Assert.NotEqual(old, rotated.GetProperty("webhook_secret").GetString());
        Assert.Equal(old, rotated.GetProperty("previous_webhook_secret").GetString());
        Assert.True(rotated.GetProperty("previous_valid_until").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task AnotherAccountsSecret_IsNotFound()
    {
        var (_, key) = await server.NewAccountAsync();
        var (other, _) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{other}/WebhookSecret", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.PostAsync($"/v1/Accounts/{other}/WebhookSecret/rotate", "{}", key), HttpStatusCode.NotFound);
    }
}
