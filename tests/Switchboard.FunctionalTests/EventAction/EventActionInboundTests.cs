using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.EventAction;

/// <summary>
/// Inbound calls under seed 004: a SIPp caller dials a number whose <c>PhoneNumbers</c> entry has a
/// <c>callback_url</c>; the call is offered with ACCEPTED and rings until the application answers, rejects or
/// hangs up; once answered it can be patched through to another party.
/// </summary>
public sealed class EventActionInboundTests
{
    private const string Number = "+15558880001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Accepted_AnsweredWithReject_DeclinesTheCallWith603()
    {
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name == "ACCEPTED" ? (200, """{"action": "REJECT", "reason": "Calltest Failed due to configured menu in reject state"}""") : (200, null);
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        await CreateNumberAsync(server, events);

        await using var caller = await SippProcess.StartCallerAsync("uac_refused.xml", server.App.SipEndPoint, Number);

        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Contains("SIP/2.0 603 Calltest Failed due to configured menu in reject state", caller.Messages(), StringComparison.Ordinal);
        var accepted = await events.WaitForAsync("ACCEPTED");
        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal("+15557770001", accepted.GetProperty("callerId").GetString());
        Assert.Equal(Number, accepted.GetProperty("dialedNumber").GetString());
        Assert.True(accepted.TryGetProperty("offeredTime", out _));
        Assert.Equal(accepted.GetProperty("sessionId").GetString(), dropped.GetProperty("sessionId").GetString());
        Assert.Equal(("SUCCESS", "APPLICATION", "2004"), EventActionCallTests.Cause(dropped));
        Assert.Equal(["ACCEPTED", "DROPPED"], events.Names);
    }

    [Fact]
    public async Task Accepted_AnsweredWithPlay_IsAFailure_AndAnswerThenPatch_ConnectsBothWays()
    {
        await using var callerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        // The agent answers, and hangs up 9 s after its ACK: after the greeting and a few seconds of conversation.
        await using var agent = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_answer_talk_bye.xml", new Dictionary<string, string> { ["talk_ms"] = "9000" }),
            new Dictionary<string, string> { ["rtp_sink"] = agentAudio.Port.ToString() });
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name switch
        {
            // Only ANSWER, REJECT or HANGUP can answer ACCEPTED: this gets a FAILURE, whose answer is the next chance.
            "ACCEPTED" => (200, """{"action": "PLAY", "audio": [{"type": "TTS", "text": "too early"}]}"""),
            "FAILURE" => (200, """{"action": "ANSWER"}"""),
            "ANSWERED" => (200, """
                {"action": "PATCH", "dialedNumber": "+15559990002", "patchCallerId": "+15550000001", "recordCall": true,
                 "holdAudio": {"type": "TTS", "text": "Please hold while we connect you to an agent."},
                 "greetingAudio": {"type": "TTS", "text": "A customer is waiting."}, "greetingRepeatCount": 0, "passDtmf": false}
                """),
            "PATCHED" => (200, """{"action": "HANGUP"}"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(agent.Uri);
        await CreateNumberAsync(server, events);

        await using var caller = await SippProcess.StartCallerAsync("uac_await_bye.xml", server.App.SipEndPoint, Number, new Dictionary<string, string> { ["rtp_sink"] = callerAudio.Port.ToString() });
        using var talking = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var speech = PcapAudio.RtpPayloads("/usr/share/sip-tester/g711a.pcap");
        var speaking = Task.WhenAll(
            Quietly(callerAudio.SpeakAsync([.. speech, .. speech], 8, 20, talking.Token)),
            Quietly(agentAudio.SpeakAsync([.. speech, .. speech], 8, 20, talking.Token)));

        var failure = await events.WaitForAsync("FAILURE");
        var patched = await events.WaitForAsync("PATCHED");
        var patchEnded = Stopwatch.GetTimestamp();
        var dropped = await events.WaitForAsync("DROPPED");
        await talking.CancelAsync();
        await speaking;
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));

        Assert.Equal("action", failure.GetProperty("field").GetString());
        Assert.Equal(["ACCEPTED", "FAILURE", "ANSWERED", "PATCHED", "DROPPED"], events.Names);
        Assert.Equal("SUCCESS", patched.GetProperty("status").GetString());
        Assert.Equal("CALLEE", patched.GetProperty("droppedBy").GetString());
        Assert.True(DateTimeOffset.Parse(patched.GetProperty("ConnectedOn").GetString()!) > DateTimeOffset.Parse(events.Events[2].GetProperty("eventTime").GetString()!));
        Assert.Equal(("SUCCESS", "APPLICATION", "2000"), EventActionCallTests.Cause(dropped));
        Assert.Contains("<sip:+15550000001@", SippLog.Received(agent.Messages(), "INVITE"), StringComparison.Ordinal);

        // Both ways: in the seconds before the agent hung up (greeting and hold music long over) each heard the other.
        var window = (From: patchEnded - Stopwatch.Frequency * 3, To: patchEnded - Stopwatch.Frequency / 2);
        var agentHeard = RtpAnalysis.Analyse(Between(agentAudio, window), payloadType: 8);
        var callerHeard = RtpAnalysis.Analyse(Between(callerAudio, window), payloadType: 8);
        Assert.True(agentHeard.SpeechPackets > 40, $"the agent heard {agentHeard.SpeechPackets} packets of speech out of {agentHeard.Packets}");
        Assert.True(callerHeard.SpeechPackets > 40, $"the caller heard {callerHeard.SpeechPackets} packets of speech out of {callerHeard.Packets}");

        // recordCall: each party's side as a recording of its own, fetched with the account's key.
        var files = patched.GetProperty("recordingFileName").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(2, files.Count);
        foreach (var file in files)
        {
            var wav = WavInspection.Read(await server.Client.GetByteArrayAsync(file));
            Assert.Equal((1, 8000), (wav.Channels, wav.SampleRate));
            Assert.InRange(wav.Duration.TotalSeconds, 2, 12);
        }
    }

    [Fact]
    public async Task ACallerWhoHangsUpDuringAPatch_IsDroppedByTheCaller_InPatchedAndDropped()
    {
        await using var callerAudio = RtpSink.Start();
        await using var agentAudio = RtpSink.Start();
        await using var agent = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = agentAudio.Port.ToString() });
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name switch
        {
            "ACCEPTED" => (200, """{"action": "ANSWER"}"""),
            "ANSWERED" => (200, """{"action": "PATCH", "dialedNumber": "+15559990002"}"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(agent.Uri);
        await CreateNumberAsync(server, events);

        await using var caller = await SippProcess.StartCallerAsync(
            ScenarioTemplate.Fill("uac_talk_then_bye.xml", new Dictionary<string, string> { ["talk_ms"] = "4000" }),
            server.App.SipEndPoint,
            Number,
            new Dictionary<string, string> { ["rtp_sink"] = callerAudio.Port.ToString() });

        var patched = await events.WaitForAsync("PATCHED");
        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.WaitForExitAsync(Patience));

        Assert.Equal(("SUCCESS", "CALLER"), (patched.GetProperty("status").GetString(), patched.GetProperty("droppedBy").GetString()));
        Assert.Equal(("SUCCESS", "CALLER", "2008"), EventActionCallTests.Cause(dropped));
        // The patch's result is owed after the call ended, so PATCHED and DROPPED may cross; each comes once.
        Assert.Equal(["ACCEPTED", "ANSWERED", "DROPPED", "PATCHED"], events.Names.Order(StringComparer.Ordinal));
    }

    private static async Task CreateNumberAsync(TestServer server, EventLog events)
    {
        var number = await server.Client.PostAsJsonAsync(
            $"/v1/Accounts/{server.App.AccountSid}/PhoneNumbers",
            new { number = Number, callback_url = events.CallbackUrl });
        Assert.Equal(HttpStatusCode.Created, number.StatusCode);
    }

    private static List<(long Ticks, byte[] Packet)> Between(RtpSink sink, (long From, long To) window) =>
        [.. sink.Packets.Where(p => p.Ticks > window.From && p.Ticks < window.To)];

    private static async Task Quietly(Task speaking)
    {
        try
        {
            await speaking;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
