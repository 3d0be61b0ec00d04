using Switchboard.Media.Recognition;
using Switchboard.Media.Tests.Amd;

namespace Switchboard.Media.Tests.Recognition;

public sealed class SpeechEndpointerTests
{
    private const int FrameSamples = 160;

    [Fact]
    public async Task AnUtterance_StartsNearItsFirstWord_AndEndsAfterTheSilenceThatFollows()
    {
        var yes = await GreetingSignals.SpeakAsync("yes, please");
        var (speechStart, speechEnd) = GreetingSignals.SpeechExtent(yes);
        var endpointer = new SpeechEndpointer(EndpointingOptions.Default);

        var events = Feed(endpointer, GreetingSignals.Concat(GreetingSignals.Silence(500), yes, GreetingSignals.Silence(2000)));

        Assert.Equal([SpeechEndpoint.SpeechStarted, SpeechEndpoint.UtteranceEnded], events.Select(e => e.Endpoint));
        Assert.InRange(endpointer.UtteranceStart!.Value.TotalMilliseconds, 500 + speechStart - 60, 500 + speechStart + 200);
        Assert.InRange(endpointer.UtteranceEnd!.Value.TotalMilliseconds, 500 + speechEnd - 200, 500 + speechEnd + 100);
        // The end is known one MaxSilence after the speech stopped, not later.
        Assert.InRange(events[1].At.TotalMilliseconds, endpointer.UtteranceEnd.Value.TotalMilliseconds + 780, endpointer.UtteranceEnd.Value.TotalMilliseconds + 840);
        Assert.Equal(EndpointerState.Ended, endpointer.State);
    }

    [Fact]
    public void Silence_EndsAsNoSpeech_AtTheTimeout()
    {
        var endpointer = new SpeechEndpointer(EndpointingOptions.Default with { NoSpeechTimeout = TimeSpan.FromSeconds(3) });

        var events = Feed(endpointer, GreetingSignals.Silence(5000));

        var noSpeech = Assert.Single(events);
        Assert.Equal(SpeechEndpoint.NoSpeech, noSpeech.Endpoint);
        Assert.Equal(3000, noSpeech.At.TotalMilliseconds);
        Assert.Null(endpointer.UtteranceStart);
    }

    [Fact]
    public void LineNoise_AToneAndAClick_AreNotSpeech()
    {
        var endpointer = new SpeechEndpointer(EndpointingOptions.Default with { NoSpeechTimeout = TimeSpan.FromSeconds(4) });
        var click = GreetingSignals.Noise(40, rms: 8000, seed: 7);

        var events = Feed(endpointer, GreetingSignals.Concat(
            GreetingSignals.Noise(1500, rms: 300, seed: 1), GreetingSignals.Tone(1000, 500), GreetingSignals.Silence(300), click, GreetingSignals.Noise(2000, rms: 300, seed: 2)));

        Assert.Equal([SpeechEndpoint.NoSpeech], events.Select(e => e.Endpoint));
    }

    [Fact]
    public async Task ACallerWhoKeepsTalking_IsCutAtTheMaximumLength()
    {
        var endpointer = new SpeechEndpointer(EndpointingOptions.Default with { MaxUtterance = TimeSpan.FromSeconds(2) });
        var talk = await GreetingSignals.SpeakAsync(GreetingSignals.MachineGreeting);

        var events = Feed(endpointer, talk);

        Assert.Equal([SpeechEndpoint.SpeechStarted, SpeechEndpoint.MaxLength], events.Select(e => e.Endpoint));
        Assert.InRange((endpointer.UtteranceEnd - endpointer.UtteranceStart)!.Value.TotalMilliseconds, 1980, 2020);
    }

    [Fact]
    public async Task APhoneThatStopsSendingWhileItsUserIsQuiet_StillEndsTheUtterance()
    {
        var endpointer = new SpeechEndpointer(EndpointingOptions.Default);
        Feed(endpointer, await GreetingSignals.SpeakAsync("billing"));

        Assert.Equal(SpeechEndpoint.UtteranceEnded, endpointer.AddSilence(TimeSpan.FromSeconds(1)));
        Assert.Equal(EndpointerState.Ended, endpointer.State);
    }

    [Fact]
    public async Task Continuous_HearsEachUtterance_AndNeverTimesOut()
    {
        var endpointer = new SpeechEndpointer(EndpointingOptions.Default with { SingleUtterance = false, NoSpeechTimeout = TimeSpan.FromSeconds(1) });
        var word = await GreetingSignals.SpeakAsync("support");

        var events = Feed(endpointer, GreetingSignals.Concat(word, GreetingSignals.Silence(1500), word, GreetingSignals.Silence(3000)));

        Assert.Equal(
            [SpeechEndpoint.SpeechStarted, SpeechEndpoint.UtteranceEnded, SpeechEndpoint.SpeechStarted, SpeechEndpoint.UtteranceEnded],
            events.Select(e => e.Endpoint));
        Assert.Equal(EndpointerState.Waiting, endpointer.State);
    }

    /// <summary>Feeds 20 ms frames, as the receive path delivers them, and notes each change with when it came.</summary>
    private static List<(SpeechEndpoint Endpoint, TimeSpan At)> Feed(SpeechEndpointer endpointer, short[] audio)
    {
        var events = new List<(SpeechEndpoint, TimeSpan)>();
        for (var offset = 0; offset + FrameSamples <= audio.Length; offset += FrameSamples)
        {
            var endpoint = endpointer.Add(audio.AsSpan(offset, FrameSamples));
            if (endpoint != SpeechEndpoint.None)
            {
                events.Add((endpoint, endpointer.Position));
            }
        }

        return events;
    }
}
