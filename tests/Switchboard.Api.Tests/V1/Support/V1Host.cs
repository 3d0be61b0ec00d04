using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Api.Auth;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.V1;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Api.Tests.V1.Support;

/// <summary>
/// The /v1 account resources on loopback over a real SQLite file, with the server's auth, problem answers and API
/// description and nothing else (no SIP, no media): enough to test a resource over HTTP as a client sees it.
/// One per test class; tests keep apart by making their own accounts.
/// </summary>
public sealed class V1Host : IAsyncLifetime
{
    public const string AdminKey = "sb_api_tests_admin_key";
    private readonly string _path = Path.Combine(Path.GetTempPath(), "switchboard-api-" + Guid.NewGuid().ToString("N") + ".db");
    private WebApplication _web = null!;
    private HttpClient _http = null!;
    private SqliteAccountStore _accounts = null!;

    public async Task InitializeAsync()
    {
        var database = await SqliteDatabase.OpenAsync(_path, default);
        _accounts = new SqliteAccountStore(database, TimeProvider.System);
        var account = await _accounts.EnsureDefaultAccountAsync(default);
        await _accounts.EnsureApiKeyAsync(account.Sid, AdminKey, ApiKeyScope.Admin, default);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IAccountStore>(_accounts);
        builder.Services.AddSqliteResourceStores();
        // What the other /v1 resources' handlers take, so every mapped endpoint can be built.
        builder.Services.AddSingleton(new RecordingFiles(Path.Combine(Path.GetTempPath(), "switchboard-api-recordings")));
        builder.Services.AddSingleton<IWebhookSecretStore, SqliteWebhookSecretStore>();
        builder.Services.AddSingleton<IWebhookOutboxStore, SqliteWebhookOutboxStore>();
        builder.Services.AddSingleton(WebhookOptions.Default);
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSwitchboardOpenApi();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddProblemDetails(ApiProblemDetails.Customize);
        _web = builder.Build();
        _web.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        _web.UseStatusCodePages();
        _web.UseMiddleware<BearerAuthenticationMiddleware>();
        _web.MapV1Api();
        _web.MapSwitchboardOpenApi();
        await _web.StartAsync();
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _web.StopAsync();
        await _web.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A new account and an account-scoped key for it.</summary>
    public async Task<(string AccountSid, string Key)> NewAccountAsync()
    {
        var account = new AccountRecord(Guid.NewGuid().ToString(), "acct-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
        await _accounts.CreateAccountAsync(account, default);
        var key = await _accounts.CreateApiKeyAsync(account.Sid, ApiKeyScope.Account, default);
        return (account.Sid, key.Token);
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? key, string? body = null)
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

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs, asserts 201, and returns the body's <c>sid</c>.</summary>
    public async Task<string> CreateAsync(string path, string body, string key)
    {
        var (status, text) = await SendAsync(HttpMethod.Post, path, key, body);
        Assert.True(status == HttpStatusCode.Created, $"POST {path}: {(int)status} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("sid").GetString()!;
    }

    /// <summary>GETs, asserts 200, and returns the raw body (for assertions on what it must never contain) and its JSON.</summary>
    public async Task<(string Raw, JsonElement Json)> GetJsonAsync(string path, string key)
    {
        var (status, text) = await SendAsync(HttpMethod.Get, path, key);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {text}");
        return (text, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Asserts a problem answer with this status and, when given, the offending field.</summary>
    public static void AssertProblem((HttpStatusCode Status, string Body) answer, HttpStatusCode status, string? field = null)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {(int)answer.Status} {answer.Body}");
        if (field is not null)
        {
            using var problem = JsonDocument.Parse(answer.Body);
            Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        }
    }
}
