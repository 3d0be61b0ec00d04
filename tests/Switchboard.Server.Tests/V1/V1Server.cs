using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Tests.V1;

/// <summary>
/// The real server on loopback with its own data directory, its admin key, and helpers that speak /v1 over HTTP
/// with any key. One per test class; tests keep apart by making their own accounts and names.
/// </summary>
public sealed class V1Server : IAsyncLifetime
{
    public const string AdminKey = "sb_v1_admin_test_key";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "switchboard-v1-" + Guid.NewGuid().ToString("N"));
    private HttpClient _http = null!;

    public SwitchboardApp App { get; private set; } = null!;

    /// <summary>The default account, which holds the admin key.</summary>
    public string DefaultAccountSid => App.AccountSid;

    public async Task InitializeAsync()
    {
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 39300, 39399, _data, null, AdminKey, null);
        App = await SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
        _http = new HttpClient { BaseAddress = App.HttpAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await App.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string key = AdminKey) => SendAsync(HttpMethod.Post, path, key, body);

    public Task<HttpResponseMessage> PutAsync(string path, string body, string key = AdminKey) => SendAsync(HttpMethod.Put, path, key, body);

    public Task<HttpResponseMessage> GetAsync(string path, string key = AdminKey) => SendAsync(HttpMethod.Get, path, key);

    public Task<HttpResponseMessage> DeleteAsync(string path, string key = AdminKey) => SendAsync(HttpMethod.Delete, path, key);

    /// <summary>POSTs, asserts 201, and returns the body's <c>sid</c>.</summary>
    public async Task<string> CreateAsync(string path, string body, string key = AdminKey)
    {
        var response = await PostAsync(path, body, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("sid").GetString()!;
    }

    /// <summary>GETs, asserts 200, and returns the body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, string key = AdminKey)
    {
        var response = await GetAsync(path, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A new account (made with the admin key) and an account-scoped key for it.</summary>
    public async Task<(string AccountSid, string Key)> NewAccountAsync()
    {
        var accountSid = await CreateAsync("/v1/Accounts", $$"""{"name":"acct-{{Guid.NewGuid():N}}"}""");
        var response = await PostAsync($"/v1/Accounts/{accountSid}/ApiKeys", "{}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (accountSid, json.RootElement.GetProperty("token").GetString()!);
    }

    /// <summary>Asserts a problem+json answer with this status and, when given, the offending field.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            using var problem = JsonDocument.Parse(text);
            Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        }
    }
}
