using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz <c>dial</c> with <c>dialMusic</c>, for real: the SIPp caller's audio is the test's socket; it hears the
/// music (a 440 Hz tone served by the test, one second long) over and over while the agent rings and runs its
/// confirmation application, then the agent's own 1 kHz tone across the bridge, and no music after it.
/// </summary>
public sealed class DialMusicTests
{
    private const string Number = "+15558880003";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task DialMusic_LoopsWhileTheAgentRingsAndConfirms_AndStopsAtTheBridge()
    {
        await using var callerAudio = RtpSink.Start();
        // The agent speaks its tone six seconds after its answer: after the three-second confirmation, so over the bridge.
        await using var agent = await SpeakingCallee.StartAsync(SpokenAudio.Tone(1000, 3000), delayMs: 6000);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Files["/music.wav"] = ("audio/wav", WavFile.Pcm16(SpokenAudio.Tone(440, 1000)));
        hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "dialMusic": "{{hooks.Url("/music.wav")}}",
                  "confirmHook": "/confirm", "timeLimit": 11, "target": [{"type": "sip", "sipUri": "{{agent.SipUri("agent")}}"}]}]
                """),
            "/confirm" => (200, """[{"verb": "pause", "length": 3}]"""),
            "/dial-action" => (200, """[{"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await DialConfirmTests.StartSalesLineAsync(hooks);

        await using var caller = await SippProcess.StartCallerAsync(
            "uac_await_bye.xml", server.App.SipEndPoint, Number, new Dictionary<string, string> { ["rtp_sink"] = callerAudio.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var action = await hooks.WaitForAsync(w => w.Path == "/dial-action", Patience);
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.Sipp.WaitForExitAsync(Patience));
        Assert.Equal("completed", action.Body.GetProperty("dial_call_status").GetString());

        var heard = RtpAnalysis.PacketFrequencies(callerAudio.Packets, payloadType: 8);
        var music = Indexes(heard, 440);
        var agentTone = Indexes(heard, 1000);
        // Ringing and three seconds of confirmation: well over the one second the file lasts.
        Assert.True(music.Length > 100, $"the caller heard {music.Length} packets of music (a loop of the one-second file is 50)");
        Assert.True(agentTone.Length > 90, $"the caller heard {agentTone.Length} packets of the agent's tone (3 s is 150)");
        Assert.True(music.Max() < agentTone.Min(), "the music went on after the bridge");
    }

    /// <summary>The packets whose pitch is <paramref name="tone"/>: within 5 %, or 30 Hz, as one zero crossing more or less in 20 ms is 25 Hz.</summary>
    private static int[] Indexes(double[] frequencies, double tone) =>
        [.. frequencies.Select((frequency, index) => (frequency, index)).Where(p => Math.Abs(p.frequency - tone) <= Math.Max(tone * 0.05, 30)).Select(p => p.index)];
}
