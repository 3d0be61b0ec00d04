using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;
using Switchboard.Storage.Calls;

namespace Switchboard.Server.Tests.Http;

public sealed class MediaExhaustionTests
{
    [Fact]
    public async Task Conversation_WhenNoMediaPortIsFree_Is503_AndTheCallIsStoredFailed()
    {
        using var carrier = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var data = Path.Combine(Path.GetTempPath(), "switchboard-exhaust-" + Guid.NewGuid().ToString("N"));
        // One RTP/RTCP pair: the first call holds it while the silent carrier lets it hang.
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), null, 39200, 39201, data, null, "sb_exhaust",
            $"sip:127.0.0.1:{((IPEndPoint)carrier.Client.LocalEndPoint!).Port}");
        await using (var app = await SwitchboardApp.StartAsync(settings, logging => logging.SetMinimumLevel(LogLevel.Critical), CancellationToken.None))
        {
            using var http = new HttpClient { BaseAddress = app.HttpAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sb_exhaust");
            const string body = """{"from":"1","to":{"phone":"+15550100"},"dialPlan":{"verbs":[{"type":"PAUSE","duration":1}]}}""";

            var first = await http.PostAsync("/voice/conversation", new StringContent(body, Encoding.UTF8, "application/json"));
            var second = await http.PostAsync("/voice/conversation", new StringContent(body, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
            var calls = await app.Services.GetRequiredService<ICallStore>().ListAsync(app.AccountSid, 10, default);
            Assert.Equal(2, calls.Count);
            Assert.Single(calls, c => c.Status == "failed");
        }

        Directory.Delete(data, recursive: true);
    }
}
