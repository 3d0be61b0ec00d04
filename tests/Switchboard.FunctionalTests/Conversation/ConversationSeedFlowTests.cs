using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Conversation;

/// <summary>
/// Seed 002's example payload exactly as written (every verb, the real pauses) against a SIPp callee: the key pressed
/// while the callee thinks after "press one" reaches the COLLECT at once; with no key the COLLECT reports none.
/// </summary>
public sealed class ConversationSeedFlowTests
{
    private const string ShippedKeyOne = "/usr/share/sip-tester/dtmf_2833_1.pcap";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(70);

    [Fact]
    public async Task SeedFlow_AKeyDuringThePauseAfterTheBargeInPrompt_ReachesTheCollectAtOnce()
    {
        // After the answer: PAUSE 3, the ticket (about 2 s), PAUSE 4, "press one" (about 4 s), so the 10 s PAUSE runs
        // from about 13 s to 23 s. The key comes at 17 s, inside it by 4 s either way.
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            Callee(keyDelayMs: 17_000, ShippedKeyOne),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsync("/voice/conversation", Json(SeedPayload(hooks)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var collect = await hooks.WaitForAsync(w => w.Path == "/collect", Patience);
        Assert.Equal("1", collect.Body.GetProperty("digits").GetString());
        var answered = hooks.Received.First(w => ConversationPlayTests.StatusName(w) == "InProgress");
        // Sitting out the pause, the second "press one" and the 6 s pause would post it at about 33 s.
        Assert.InRange((collect.At - answered.At).TotalSeconds, 16, 21);

        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && ConversationPlayTests.StatusName(w) == "Completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.InRange((completed.At - collect.At).TotalSeconds, 0, 5);
        Assert.Equal(["Queued", "Initiated", "Ringing", "InProgress", "Completed"], hooks.Received.Where(w => w.Path == "/status").Select(ConversationPlayTests.StatusName).ToArray());
        Assert.Single(hooks.Received, w => w.Path == "/collect");
    }

    [Fact]
    public async Task SeedFlow_WithNoKey_PlaysEveryVerb_AndTheCollectReportsNoDigits()
    {
        // The callee plays a second of silence after the flow's end instead of a key: every verb runs in full,
        // 3 + 2 + 4 + 4 + 10 + 4 + 6 s, then the COLLECT's 10 s wait.
        var silence = RtpCapture.WriteALaw(SpokenAudio.Silence(1000));
        try
        {
            await using var rtp = RtpSink.Start();
            await using var callee = await SippProcess.StartCalleeAsync(
                Callee(keyDelayMs: 50_000, silence),
                new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(CultureInfo.InvariantCulture) });
            await using var hooks = await WebhookReceiver.StartAsync();
            await using var server = await TestServer.StartAsync(callee.Uri, mediaTimeout: TimeSpan.FromSeconds(90));

            var response = await server.Client.PostAsync("/voice/conversation", Json(SeedPayload(hooks)));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var collect = await hooks.WaitForAsync(w => w.Path == "/collect", Patience);
            Assert.Equal("", collect.Body.GetProperty("digits").GetString());
            var answered = hooks.Received.First(w => ConversationPlayTests.StatusName(w) == "InProgress");
            Assert.InRange((collect.At - answered.At).TotalSeconds, 40, 50);
            var completed = await hooks.WaitForAsync(w => w.Path == "/status" && ConversationPlayTests.StatusName(w) == "Completed", Patience);
            Assert.InRange((completed.At - collect.At).TotalSeconds, 0, 5);

            // Both prompts were heard in full: the ticket, then "press one" twice, about 10 s of speech.
            var heard = RtpAnalysis.Analyse(rtp.Packets, payloadType: 8);
            Assert.True(heard.SpeechPackets > 350, $"only {heard.SpeechPackets} packets carried speech");
        }
        finally
        {
            File.Delete(silence);
        }
    }

    private static string Callee(int keyDelayMs, string keyPcap) =>
        ScenarioTemplate.Fill("uas_answer_key_at.xml", new Dictionary<string, string>
        {
            ["key_delay_ms"] = keyDelayMs.ToString(CultureInfo.InvariantCulture),
            ["key_pcap"] = keyPcap,
            ["bye_timeout_ms"] = "58000",
        });

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The seed's payload as the seed prints it, with this test's numbers and URLs.</summary>
    private static string SeedPayload(WebhookReceiver hooks) => $$"""
        {
        "from": "123",
        "to": {
        "phone": "+30697000001"
        },
        "dialPlan": {
        "verbs": [{
        "type": "PAUSE",
        "duration": 3
        }, {
        "type": "SAY",
        "message": {
        "text": "here you can define your ticket",
        "gender": "male",
        "language": "en-US"
        }
        }, {
        "type": "PAUSE",
        "duration": 4
        }, {
        "type": "SAY",
        "message": {
        "text": "PRESS ONE TO BE CONNECTED THERE OR PRESS 2 TO BE CONNECTED THERE",
        "language": "en-US",
        "gender": "female"
        },
        "bargeIn": true
        }, {
        "type": "PAUSE",
        "duration": 10
        }, {
        "type": "SAY",
        "message": {
        "text": "PRESS ONE TO BE CONNECTED THERE OR PRESS 2 TO BE CONNECTED THERE",
        "language": "en-US",
        "gender": "female"
        },
        "bargeIn": true
        }, {
        "type": "PAUSE",
        "duration": 6
        }, {
        "type": "COLLECT",
        "eventUrl": "{{hooks.Url("/collect")}}"
        }]
        },
        "callback": {
        "url": "{{hooks.Url("/status")}}",
        "strategy": "OnChange"
        }
        }
        """;
}
