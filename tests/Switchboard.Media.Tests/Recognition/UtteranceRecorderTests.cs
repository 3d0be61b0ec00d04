using Switchboard.Media.Recognition;
using Switchboard.Media.Tests.Amd;

namespace Switchboard.Media.Tests.Recognition;

public sealed class UtteranceRecorderTests
{
    [Fact]
    public async Task TheUtterance_HoldsTheWordsWhole_FromALeadInToAShortTail()
    {
        var words = await GreetingSignals.SpeakAsync("sales, please");
        var (speechStart, speechEnd) = GreetingSignals.SpeechExtent(words);
        using var recorder = new UtteranceRecorder(EndpointingOptions.Default);

        var utterance = FeedUntilEnded(recorder, GreetingSignals.Concat(GreetingSignals.Silence(1500), words, GreetingSignals.Silence(2000)));

        // Everything from just before the first word to just after the last one, and little more.
        var first = 1500 * 8 + speechStart * 8;
        var last = 1500 * 8 + speechEnd * 8;
        var from = IndexOf(GreetingSignals.Concat(GreetingSignals.Silence(1500), words), utterance);
        Assert.InRange(from, first - 600 * 8, first - 200 * 8);
        Assert.InRange(from + utterance.Length, last + 100 * 8, last + 500 * 8);
    }

    [Fact]
    public async Task ReportedGaps_AreKeptAsSilence_AndEndTheUtterance()
    {
        var words = await GreetingSignals.SpeakAsync("yes");
        using var recorder = new UtteranceRecorder(EndpointingOptions.Default);
        FeedUntilEnded(recorder, GreetingSignals.Concat(GreetingSignals.Silence(500), words), expectEnd: false);

        Assert.Equal(SpeechEndpoint.UtteranceEnded, recorder.AddSilence(TimeSpan.FromSeconds(1)));

        var utterance = recorder.TakeUtterance();
        Assert.True(utterance.Length > words.Length / 2, "the words are in the utterance");
        Assert.All(utterance[^(int)(UtteranceRecorder.Tail.TotalMilliseconds * 8 / 2)..], sample => Assert.Equal(0, sample));
    }

    [Fact]
    public async Task ALongWaitBeforeSpeaking_OverwritesOnlyWhatNoUtteranceNeeds()
    {
        var words = await GreetingSignals.SpeakAsync("support");
        using var recorder = new UtteranceRecorder(EndpointingOptions.Default with { SingleUtterance = false });

        // Far more silence than the ring holds (it is sized for the longest utterance), then the words.
        var utterance = FeedUntilEnded(recorder, GreetingSignals.Concat(GreetingSignals.Silence(45_000), words, GreetingSignals.Silence(1500)));

        Assert.True(IndexOf(GreetingSignals.Concat(GreetingSignals.Silence(45_000), words), utterance) > 44_000 * 8);
    }

    private static short[] FeedUntilEnded(UtteranceRecorder recorder, short[] audio, bool expectEnd = true)
    {
        for (var at = 0; at + 160 <= audio.Length; at += 160)
        {
            if (recorder.Add(audio.AsSpan(at, 160)) == SpeechEndpoint.UtteranceEnded)
            {
                return recorder.TakeUtterance();
            }
        }

        Assert.False(expectEnd, "the utterance never ended");
        return [];
    }

    /// <summary>
    /// Where <paramref name="part"/>, cut from <paramref name="whole"/>, starts in it: found by the first sound in
    /// each (the audio before it is silence, which matches anywhere), or -1 when either is silent.
    /// </summary>
    private static int IndexOf(short[] whole, short[] part)
    {
        var inPart = Array.FindIndex(part, sample => sample != 0);
        var inWhole = Array.FindIndex(whole, sample => sample != 0);
        return inPart < 0 || inWhole < 0 ? -1 : inWhole - inPart;
    }
}
