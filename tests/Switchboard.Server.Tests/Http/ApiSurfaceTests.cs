using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.Storage.Calls;

namespace Switchboard.Server.Tests.Http;

/// <summary>Authentication and bad input over real HTTP; a UDP socket stands where the carrier would be, to prove no INVITE leaves.</summary>
public sealed class ApiSurfaceTests : IAsyncLifetime
{
    private const string Key = "sb_surface_test_key";
    private readonly UdpClient _carrier = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "switchboard-surface-" + Guid.NewGuid().ToString("N"));
    private SwitchboardApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var carrierPort = ((IPEndPoint)_carrier.Client.LocalEndPoint!).Port;
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 39000, 39099, _data, null, Key,
            $"sip:127.0.0.1:{carrierPort}");
        _app = await SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Warning), CancellationToken.None);
        _http = new HttpClient { BaseAddress = _app.HttpAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _carrier.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Health_AnswersWithoutAKey()
    {
        var response = await _http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer sb_wrong")]
    [InlineData("Basic c2I6c2I=")]
    public async Task Conversation_WithoutAValidKey_Is401Problem(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/voice/conversation") { Content = Json("{}") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"from":"1","to":{},"dialPlan":{"verbs":[]}}""", "to.phone")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"JUMP"}]}}""", "dialPlan.verbs[0].type")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"COLLECT","eventUrl":"mailto:a@b"}]}}""", "dialPlan.verbs[0].eventUrl")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"PAUSE","duration":-5}]}}""", "dialPlan.verbs[0].duration")]
    [InlineData("""{"from":"1", "to":""", "$")]
    public async Task Conversation_BadInput_Is400NamingTheField_AndPlacesNoCall(string body, string field)
    {
        var response = await PostAsync("/voice/conversation", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Empty(await _app.Services.GetRequiredService<ICallStore>().ListAsync(_app.AccountSid, 10, default));
        Assert.Equal(0, _carrier.Available);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return _http.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
