using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// <c>PUT /Calls/{sid}</c> commands that act on a live call's media: keys sent to the far end, the caller muted.
/// </summary>
public sealed class LiveControlTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Put_WithDtmf_SendsTheKeysToTheCallee()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);
        var path = $"/v1/Accounts/{server.App.AccountSid}/Calls";
        var created = await (await server.Client.PostAsJsonAsync(path, new
        {
            call_hook = hooks.Url("/call"),
            call_status_hook = hooks.Url("/status"),
            from = "+15550001",
            to = new { type = "sip", sipUri = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var sid = created.GetProperty("sid").GetString();
        await hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "in-progress", Patience);

        var keys = await server.Client.PutAsJsonAsync($"{path}/{sid}", new { dtmf = new { digit = "37", duration = 120 } });
        var mute = await server.Client.PutAsJsonAsync($"{path}/{sid}", new { mute_status = "mute" });

        Assert.Equal(HttpStatusCode.Accepted, keys.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, mute.StatusCode);
        await WaitUntilAsync(() => Events(rtp).Length == 2);
        Assert.Equal([3, 7], Events(rtp));
        await server.Client.DeleteAsync($"{path}/{sid}");
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    /// <summary>RFC 4733 event codes on the negotiated telephone-event type (101), in the order sent.</summary>
    private static byte[] Events(RtpSink rtp) => RtpAnalysis.TelephoneEvents(rtp.Packets, payloadType: 101);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(50, patience.Token);
        }
    }
}
