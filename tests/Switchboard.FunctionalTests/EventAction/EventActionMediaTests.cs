using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.EventAction;

/// <summary>
/// Seed 004's media actions on real calls: RECORD ended by a key, PLAY with <c>streamInput</c> hearing a callee's
/// words, and VMDETECTED for a callee whose greeting is a machine's.
/// </summary>
public sealed class EventActionMediaTests
{
    [Fact]
    public async Task Record_EndedByItsTerminationDigit_ReportsAFileTheApplicationCanFetch()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_audio_then_key.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "2500",
                ["audio_pcap"] = "/usr/share/sip-tester/g711a.pcap",
                ["audio_ms"] = "7500",
                ["key_pcap"] = "/usr/share/sip-tester/dtmf_2833_5.pcap",
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name switch
        {
            "ANSWERED" => (200, """
                {"action": "RECORD", "audio": [{"type": "TTS", "text": "Leave your message after the tone."}],
                 "timeoutSeconds": 20, "terminationDigit": "5"}
                """),
            "RECORDED" => (200, """{"action": "HANGUP"}"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        await EventActionCallTests.MakeCallAsync(server, events);

        var recorded = await events.WaitForAsync("RECORDED");
        Assert.Equal("SUCCESS", recorded.GetProperty("status").GetString());
        Assert.Equal("5", recorded.GetProperty("terminationDigit").GetString());
        // Recording starts after the prompt and the tone (~2.5 s in), the key comes at ~10 s.
        Assert.InRange(recorded.GetProperty("recordingLength").GetInt32(), 5, 10);
        var wav = WavInspection.Read(await server.Client.GetByteArrayAsync(recorded.GetProperty("recordingFileName").GetString()));
        Assert.Equal((1, 8000), (wav.Channels, wav.SampleRate));
        Assert.Equal(recorded.GetProperty("recordingLength").GetInt32(), wav.Duration.TotalSeconds, 0.6);
        await events.WaitForAsync("DROPPED");
        // Seven seconds of talk straight after the answer is a machine's greeting to the detector; VMDETECTED's empty
        // answer lets the RECORD go on.
        Assert.Equal(["ANSWERED", "RECORDED", "DROPPED"], events.Names.Where(name => name != "VMDETECTED"));
    }

    [Fact]
    public async Task Play_WithStreamInput_ReportsTheCalleesWords()
    {
        short[] says = [.. SpokenAudio.Silence(2500), .. await SpokenAudio.SpeakAsync("credit card"), .. SpokenAudio.Silence(4000)];
        await using var callee = await SpeakingCallee.StartAsync(says);
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, nth) => (name, nth) switch
        {
            ("ANSWERED", _) => (200, """
                {"action": "PLAY", "audio": [{"type": "TTS", "text": "How can we help?"}],
                 "streamInput": {"timeout": 20, "maxsilence": 5, "model": "DEFAULT", "language": "en-US", "asrEngine": "GOOGLE"}}
                """),
            // GOOGLE is no engine this server has: FAILURE names the field, and the answer to it asks again.
            ("FAILURE", _) => (200, """
                {"action": "PLAY", "audio": [{"type": "TTS", "text": "How can we help?"}],
                 "streamInput": {"timeout": 20, "maxsilence": 5, "language": "en-US", "asrEngine": "DEFAULT", "hints": ["credit card", "debit card", "bank transfer"],
                                 "recordStream": false, "singleUtterence": true, "alternateLanguages": ["en-GB"]}}
                """),
            ("STREAMED", _) => (200, """{"action": "HANGUP"}"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);

        await EventActionCallTests.MakeCallAsync(server, events);

        var failure = await events.WaitForAsync("FAILURE");
        var streamed = await events.WaitForAsync("STREAMED");
        Assert.Equal("streamInput.asrEngine", failure.GetProperty("field").GetString());
        Assert.Equal("SUCCESS", streamed.GetProperty("status").GetString());
        Assert.Equal("credit card", streamed.GetProperty("text").GetString());
        Assert.Equal("+15550002", streamed.GetProperty("dialedNumber").GetString());
        await events.WaitForAsync("DROPPED");
    }

    [Fact]
    public async Task AMachineGreeting_IsReportedAsVmDetected_WithinSevenSeconds_AndItsAnswerReplacesWhatRuns()
    {
        short[] greeting =
        [
            .. SpokenAudio.Silence(400),
            .. await SpokenAudio.SpeakAsync("Hi, you have reached the voicemail of John Smith. I am not available right now. Please leave a message after the tone."),
            .. SpokenAudio.Silence(3000),
        ];
        await using var callee = await SpeakingCallee.StartAsync(greeting);
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name switch
        {
            // Waits for a key that never comes: what VMDETECTED's answer replaces.
            "ANSWERED" => (200, """{"action": "PLAY", "collectInput": {"maxDigits": 1, "digitTimeout": 30}}"""),
            "VMDETECTED" => (200, """{"action": "PLAY", "audio": [{"type": "TTS", "text": "This is a message for John about his order."}]}"""),
            "PLAYED" => (200, """{"action": "HANGUP"}"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);

        await EventActionCallTests.MakeCallAsync(server, events, correlationId: "campaign-7");

        var answered = await events.WaitForAsync("ANSWERED");
        var detected = await events.WaitForAsync("VMDETECTED");
        var played = await events.WaitForAsync("PLAYED");
        await events.WaitForAsync("DROPPED");
        var after = DateTimeOffset.Parse(detected.GetProperty("eventTime").GetString()!) - DateTimeOffset.Parse(answered.GetProperty("answeredTime").GetString()!);
        Assert.InRange(after.TotalSeconds, 0.5, 7.5);
        Assert.Equal("campaign-7", detected.GetProperty("correlationId").GetString());
        Assert.Equal("+15550001", detected.GetProperty("callerId").GetString());
        Assert.True(detected.TryGetProperty("transactionId", out _));
        Assert.Equal("SUCCESS", played.GetProperty("status").GetString());
        Assert.Equal(["ANSWERED", "VMDETECTED", "PLAYED", "DROPPED"], events.Names);
    }
}
