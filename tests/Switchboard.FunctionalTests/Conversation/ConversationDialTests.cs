using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Conversation;

/// <summary>
/// DIAL for real: the conversation calls a customer and the DIAL an agent, both numbers through the one carrier (a
/// SIPp that takes two calls). Each speaks its own tone; each must hear the other's, and when the agent hangs up the
/// plan goes on for the customer.
/// </summary>
public sealed class ConversationDialTests
{
    private const string Customer = "+306970000001";
    private const string Agent = "+306970000002";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Dial_BridgesBothWays_AndThePlanGoesOnWhenTheAgentHangsUp()
    {
        await using var customerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var carrier = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_customer_and_agent.xml", new Dictionary<string, string>
            {
                ["agent_number"] = Agent[1..],
                ["agent_talk_ms"] = "6000",
            }),
            new Dictionary<string, string>
            {
                ["rtp_sink"] = customerAudio.Port.ToString(CultureInfo.InvariantCulture),
                ["agent_rtp_sink"] = agentAudio.Port.ToString(CultureInfo.InvariantCulture),
            },
            calls: 2);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Files["/after.wav"] = ("audio/wav", WavFile.Pcm16(SpokenAudio.Tone(500, 1000)));
        await using var server = await TestServer.StartAsync(carrier.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", new Dictionary<string, object>
        {
            ["from"] = "123",
            ["to"] = new { phone = Customer },
            ["dialPlan"] = new
            {
                verbs = new object[]
                {
                    new { type = "DIAL", to = Agent, from = "+302100000000" },
                    new { type = "PLAY", fileUrl = hooks.Url("/after.wav") },
                },
            },
            ["callback"] = new { url = hooks.Url("/status"), strategy = "OnChange" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trackingId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingId").GetString();
        // Once the agent answered (the bridge is up), each party speaks its own tone for 2.5 s.
        await hooks.WaitForAsync(w => w.Path == "/status" && ConversationPlayTests.StatusName(w) == "InProgress" && w.Body.TryGetProperty("parentMessageId", out _), Patience);
        using var talking = new CancellationTokenSource(Patience);
        await Task.WhenAll(
            customerAudio.SpeakAsync(ALaw(SpokenAudio.Tone(700, 2500)), 8, 20, talking.Token),
            agentAudio.SpeakAsync(ALaw(SpokenAudio.Tone(1300, 2500)), 8, 20, talking.Token));
        await hooks.WaitForAsync(w => w.Path == "/status" && ConversationPlayTests.StatusName(w) == "Completed" && w.Body.GetProperty("messageId").GetString() == trackingId, Patience);
        Assert.Equal(0, await carrier.WaitForExitAsync(Patience));

        // The agent heard the customer, and nothing else.
        var agentHeard = RtpAnalysis.PacketFrequencies(agentAudio.Packets, payloadType: 8);
        Assert.True(Indexes(agentHeard, 700).Length > 80, $"the agent heard {Indexes(agentHeard, 700).Length} packets of the customer's tone (2.5 s is 125)");
        Assert.Empty(Indexes(agentHeard, 1300));
        Assert.Empty(Indexes(agentHeard, 500));

        // The customer heard the agent, then (the agent gone) the PLAY after the DIAL.
        var heard = RtpAnalysis.PacketFrequencies(customerAudio.Packets, payloadType: 8);
        var agentPackets = Indexes(heard, 1300);
        var afterPackets = Indexes(heard, 500);
        Assert.True(agentPackets.Length > 80, $"the customer heard {agentPackets.Length} packets of the agent's tone (2.5 s is 125)");
        Assert.True(afterPackets.Length > 35, $"the customer heard {afterPackets.Length} packets of the PLAY after the DIAL (1 s is 50)");
        Assert.True(agentPackets.Max() < afterPackets.Min(), "the PLAY after the DIAL played before the agent hung up");
        Assert.Empty(Indexes(heard, 700));

        // The agent's leg reported its own statuses to the same callback, with its own messageId.
        var legStatuses = hooks.Received.Where(w => w.Path == "/status" && w.Body.GetProperty("messageId").GetString() != trackingId).ToArray();
        Assert.All(legStatuses, w => Assert.Equal(trackingId, w.Body.GetProperty("parentMessageId").GetString()));
        Assert.Single(legStatuses.Select(w => w.Body.GetProperty("messageId").GetString()).Distinct());
        Assert.Equal(Agent, legStatuses[0].Body.GetProperty("to").GetString());
        Assert.Equal("+302100000000", legStatuses[0].Body.GetProperty("from").GetString());
        Assert.Equal(["Queued", "Initiated", "Ringing", "InProgress", "Completed"], legStatuses.Select(ConversationPlayTests.StatusName));
        var callNames = hooks.Received.Where(w => w.Path == "/status" && w.Body.GetProperty("messageId").GetString() == trackingId).Select(ConversationPlayTests.StatusName);
        Assert.Equal(["Queued", "Initiated", "Ringing", "InProgress", "Completed"], callNames);
    }

    /// <summary>G.711 A-law frames of 20 ms, as the RTP sinks speak them.</summary>
    private static List<byte[]> ALaw(short[] samples) =>
        [.. samples.Chunk(160).Select(frame => frame.Select(RtpCapture.EncodeALaw).ToArray())];

    /// <summary>The packets whose pitch is <paramref name="tone"/>: within 5 %, or 30 Hz, as one zero crossing more or less in 20 ms is 25 Hz.</summary>
    private static int[] Indexes(double[] frequencies, double tone) =>
        [.. frequencies.Select((frequency, index) => (frequency, index)).Where(p => Math.Abs(p.frequency - tone) <= Math.Max(tone * 0.05, 30)).Select(p => p.index)];
}
