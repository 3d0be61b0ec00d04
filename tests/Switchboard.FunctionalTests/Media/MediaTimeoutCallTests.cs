using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Storage.Calls;

namespace Switchboard.FunctionalTests.Media;

/// <summary>
/// A callee that answers and then falls silent (no RTP, no RTCP) is a peer gone without a BYE: after the media
/// timeout the server sends its own BYE and the call ends completed, for "media timeout".
/// </summary>
public sealed class MediaTimeoutCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task ACalleeThatSendsNoRtp_IsHungUpWithBye_AndTheCallEndsCompletedForMediaTimeout()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_silent.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();

        // The script alone would keep the call up for a minute.
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri, mediaTimeout: TimeSpan.FromSeconds(2));

        var response = await server.Client.PostAsJsonAsync(CallsPath(server), new JsonObject
        {
            ["call_hook"] = hooks.Url("/call"),
            ["call_status_hook"] = hooks.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;

        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Contains("BYE sip:", callee.Messages(), StringComparison.Ordinal);
        Assert.InRange(completed.Body.GetProperty("duration").GetInt32(), 1, 10);

        // Our stream ran until the BYE: the timeout came from the callee's silence, not ours.
        Assert.True(rtp.Packets.Count >= 50, $"only {rtp.Packets.Count} packets reached the callee");
        var events = await server.App.Services.GetRequiredService<ICallStore>().ListEventsAsync(sid, CancellationToken.None);
        Assert.Contains(events, e => e.Name == "status:completed" && e.Detail == "media timeout");
    }

    private static string CallsPath(TestServer server) => $"/v1/Accounts/{server.App.AccountSid}/Calls";

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
