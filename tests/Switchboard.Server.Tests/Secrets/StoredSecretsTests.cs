using System.Diagnostics;
using System.Runtime.Versioning;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.Storage.Carriers;

namespace Switchboard.Server.Tests.Secrets;

/// <summary>
/// Webhook secrets and carrier passwords are encrypted in the database with Data Protection (keys in the data
/// directory), read back in clear by the server, and those an older version stored in clear are encrypted at start.
/// RTP 39300–39399 as the V1 tests (no call is made, so no port is taken).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class StoredSecretsTests : IDisposable
{
    private const string Key = "sb_stored_secrets_test_key";
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-secrets-").FullName;

    private string Database => Path.Combine(_data, SwitchboardApp.DatabaseFileName);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task SecretsAreEncryptedAtRest_AndPlainOnesFromAnOlderVersionAreEncryptedAtStart()
    {
        string secret;
        await using (var app = await StartAsync())
        {
            using var http = Client(app);
            var created = await http.PostAsync($"/v1/Accounts/{app.AccountSid}/VoipCarriers", Json("""{"name":"trunk","host":"192.0.2.1","username":"u","password":"secret-pw"}"""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            secret = (await GetJsonAsync(http, $"/v1/Accounts/{app.AccountSid}/WebhookSecret")).GetProperty("webhook_secret").GetString()!;
            Assert.Equal("secret-pw", (await app.Services.GetRequiredService<IVoipCarrierStore>().ListAllAsync(CancellationToken.None)).Single().Password);
        }

        var storedPassword = await SqlAsync("SELECT password FROM voip_carriers");
        var storedSecret = await SqlAsync("SELECT secret FROM webhook_secrets");
        Assert.StartsWith("dp1:", storedPassword, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", storedPassword, StringComparison.Ordinal);
        Assert.StartsWith("dp1:", storedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, storedSecret, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_data, "keys")));

        // What an older version left: both in clear.
        await SqlAsync("UPDATE voip_carriers SET password = 'old-pw'; UPDATE webhook_secrets SET secret = 'whsec_old'");
        await using (var app = await StartAsync())
        {
            using var http = Client(app);
            Assert.Equal("whsec_old", (await GetJsonAsync(http, $"/v1/Accounts/{app.AccountSid}/WebhookSecret")).GetProperty("webhook_secret").GetString());
            Assert.Equal("old-pw", (await app.Services.GetRequiredService<IVoipCarrierStore>().ListAllAsync(CancellationToken.None)).Single().Password);
        }

        Assert.StartsWith("dp1:", await SqlAsync("SELECT password FROM voip_carriers"), StringComparison.Ordinal);
        Assert.StartsWith("dp1:", await SqlAsync("SELECT secret FROM webhook_secrets"), StringComparison.Ordinal);
    }

    private Task<SwitchboardApp> StartAsync()
    {
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 39300, 39399, _data, null, Key, null);
        return SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
    }

    private static HttpClient Client(SwitchboardApp app)
    {
        var http = new HttpClient { BaseAddress = app.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path) =>
        JsonDocument.Parse(await http.GetStringAsync(path)).RootElement;

    private async Task<string> SqlAsync(string sql)
    {
        using var sqlite = System.Diagnostics.Process.Start(new ProcessStartInfo("sqlite3", [Database, sql]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await sqlite.StandardOutput.ReadToEndAsync();
        var error = await sqlite.StandardError.ReadToEndAsync();
        await sqlite.WaitForExitAsync();
        Assert.True(sqlite.ExitCode == 0, error);
        return output.Trim();
    }
}
