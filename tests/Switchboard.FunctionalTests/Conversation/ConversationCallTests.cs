using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Conversation;

/// <summary>The call of seed 002 placed for real: HTTP in, SIP and RTP to a SIPp callee, webhooks out.</summary>
public sealed class ConversationCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Conversation_WhenCalleePressesOne_PostsTheDigitAndEveryStatusInOrder()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string>
        {
            // The key comes 4 s after the answer: after the 1 s pause and the ticket (about 2 s), inside the barge-in SAY.
            ["rtp_sink"] = rtp.Port.ToString(),
        });
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", SeedRequest(hooks, "OnChange"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = created.GetProperty("trackingId").GetString();
        Assert.Equal("Queued", created.GetProperty("status").GetString());
        Assert.Equal("+306970000001", created.GetProperty("to").GetString());

        var collect = await hooks.WaitForAsync(w => w.Path == "/collect", Patience);
        Assert.Equal("1", collect.Body.GetProperty("digits").GetString());
        Assert.Equal(trackingId, collect.Body.GetProperty("messageId").GetString());
        Assert.Equal(created.GetProperty("conversationTrackingId").GetString(), collect.Body.GetProperty("conversationTrackingId").GetString());

        await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "Completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        var statuses = hooks.Received.Where(w => w.Path == "/status").Select(StatusName).ToArray();
        Assert.Equal(["Queued", "Initiated", "Ringing", "InProgress", "Completed"], statuses);
        // Written as JSON.stringify writes it: the number's + as itself, not \u002B.
        Assert.Contains("\"to\":\"+306970000001\"", System.Text.Encoding.UTF8.GetString(collect.RawBody));
        // The key came 4 s after the callee's answer; the answer's time is when the call's loop took the 200 OK, which
        // on a loaded machine is a little later than SIPp sent it, and the duration is whole seconds.
        Assert.InRange(hooks.Received.Single(w => StatusName(w) == "Completed").Body.GetProperty("duration").GetInt32(), 3, 30);

        var heard = RtpAnalysis.Analyse(rtp.Packets, payloadType: 0);
        Assert.True(heard.Packets > 150, $"only {heard.Packets} PCMU packets reached the callee");
        Assert.True(heard.SpeechPackets > 50, $"only {heard.SpeechPackets} of {heard.Packets} packets carried speech");
        Assert.True(heard.SequenceContiguous, "RTP sequence numbers jumped");
        // A stalled machine may make the clock skip a tick (the timestamp then shows the gap); nearly all steps are one frame.
        Assert.True(heard.ShareOfSteps160 > 0.98, $"only {heard.ShareOfSteps160:P1} of RTP timestamp steps were 160");
        Assert.InRange(heard.MedianIntervalMs, 18.0, 22.0);
    }

    [Fact]
    public async Task Conversation_WithOnCompletion_PostsOnlyTheFinalStatus()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", SeedRequest(hooks, "OnCompletion"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await hooks.WaitForAsync(w => w.Path == "/status", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        await Task.Delay(500);
        Assert.Equal(["Busy"], hooks.Received.Select(StatusName).ToArray());
    }

    [Fact]
    public async Task Conversation_WhenCalleeIsBusy_EndsBusy()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        await server.Client.PostAsJsonAsync("/voice/conversation", SeedRequest(hooks, "OnChange"));

        await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "Busy", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        var statuses = hooks.Received.Select(StatusName).ToArray();
        Assert.Equal(["Queued", "Initiated", "Busy"], statuses);
    }

    [Fact]
    public async Task Conversation_WhenCalleeNeverAnswers_EndsNoAnswerAfterTheTimeout()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_ring_forever.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var request = SeedRequest(hooks, "OnChange");
        request["timeout"] = 2;

        await server.Client.PostAsJsonAsync("/voice/conversation", request);

        var final = await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) is "NoAnswer" or "Failed" or "Completed", Patience);
        Assert.Equal("NoAnswer", StatusName(final));
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.Equal(["Queued", "Initiated", "Ringing", "NoAnswer"], hooks.Received.Select(StatusName).ToArray());
    }

    [Fact]
    public async Task Conversation_WhenTheCarrierNeverResponds_EndsFailedAfterTimerB()
    {
        // A bound socket that never answers: the INVITE is retransmitted until Timer B (64·T1 = 3.2 s here).
        using var silentCarrier = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var carrierPort = ((IPEndPoint)silentCarrier.Client.LocalEndPoint!).Port;
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync($"sip:127.0.0.1:{carrierPort}", sipT1: TimeSpan.FromMilliseconds(50));

        await server.Client.PostAsJsonAsync("/voice/conversation", SeedRequest(hooks, "OnChange"));

        var final = await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) is not ("Queued" or "Initiated"), Patience);
        Assert.Equal("Failed", StatusName(final));
        Assert.True(silentCarrier.Available > 0, "no INVITE reached the carrier");
    }

    private static string StatusName(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            ? status.GetProperty("name").GetString() ?? ""
            : "";

    /// <summary>The flow of seed 002, with shorter pauses.</summary>
    private static Dictionary<string, object> SeedRequest(WebhookReceiver hooks, string strategy) => new()
    {
        ["from"] = "123",
        ["to"] = new { phone = "+306970000001" },
        ["dialPlan"] = new
        {
            verbs = new object[]
            {
                new { type = "PAUSE", duration = 1 },
                new { type = "SAY", message = new { text = "here you can define your ticket", gender = "male", language = "en-US" } },
                new
                {
                    type = "SAY",
                    message = new { text = "PRESS ONE TO BE CONNECTED THERE OR PRESS 2 TO BE CONNECTED THERE", language = "en-US", gender = "female" },
                    bargeIn = true,
                },
                new { type = "PAUSE", duration = 10 },
                new { type = "COLLECT", eventUrl = hooks.Url("/collect") },
            },
        },
        ["callback"] = new { url = hooks.Url("/status"), strategy },
    };
}
