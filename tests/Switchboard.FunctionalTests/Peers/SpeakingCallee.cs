namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// A SIPp callee that answers in PCMA and, <c>delayMs</c> after the ACK, plays audio the test made (espeak-ng
/// speech, a greeting, a tone) from a capture, then waits for Switchboard's BYE. What Switchboard sends it goes to an
/// <see cref="RtpSink"/>.
/// </summary>
internal sealed class SpeakingCallee : IAsyncDisposable
{
    private readonly RtpSink _rtp;
    private readonly string _capture;

    private SpeakingCallee(RtpSink rtp, string capture, SippProcess sipp)
    {
        _rtp = rtp;
        _capture = capture;
        Sipp = sipp;
    }

    public SippProcess Sipp { get; }

    /// <summary>A SIP URI that reaches the callee for <paramref name="user"/>.</summary>
    public string SipUri(string user) => $"sip:{user}@127.0.0.1:{Sipp.Port}";

    /// <param name="audio">What the callee says, 8 kHz.</param>
    public static async Task<SpeakingCallee> StartAsync(short[] audio, int delayMs = 300, int byeTimeoutMs = 60_000)
    {
        var rtp = RtpSink.Start();
        var capture = RtpCapture.WriteALaw(audio);
        var sipp = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_play_audio.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["audio_pcap"] = capture,
                ["bye_timeout_ms"] = byeTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new SpeakingCallee(rtp, capture, sipp);
    }

    public async ValueTask DisposeAsync()
    {
        await Sipp.DisposeAsync();
        await _rtp.DisposeAsync();
        File.Delete(_capture);
    }
}
