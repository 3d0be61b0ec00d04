using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.WebConsole;

/// <summary>One server, one webhook receiver and one browser for the console's tests, which run one after another.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    internal TestServer Server { get; private set; } = null!;

    internal WebhookReceiver Hooks { get; private set; } = null!;

    public ConsoleBrowser Browser { get; private set; } = null!;

    public Uri ConsoleAddress => new(Server.App.HttpAddress, "/console/");

    public string Account => $"/v1/Accounts/{Server.App.AccountSid}";

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(defaultCarrier: null);
        Hooks = await WebhookReceiver.StartAsync();
        Browser = new ConsoleBrowser();
    }

    /// <summary>POSTs to the API with the server's key; asserts 201 and answers the new sid.</summary>
    public async Task<string> CreateAsync(string path, JsonObject body)
    {
        var response = await Server.Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("sid").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string path) => await Server.Client.GetFromJsonAsync<JsonElement>(path);

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await Hooks.DisposeAsync();
        await Server.DisposeAsync();
    }
}
