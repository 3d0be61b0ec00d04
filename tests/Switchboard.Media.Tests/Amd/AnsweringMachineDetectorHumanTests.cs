using Switchboard.Media.Amd;
using static Switchboard.Media.Tests.Amd.GreetingSignals;

namespace Switchboard.Media.Tests.Amd;

public sealed class AnsweringMachineDetectorHumanTests
{
    [Theory]
    [InlineData("Hello?", "en-us")]
    [InlineData("Hello?", "en-us+f3")]
    [InlineData("Yes?", "en-gb")]
    [InlineData("Hello, this is Mike.", "en-us")]
    public async Task EspeakShortGreeting_ThenSilence_IsHuman_AfterTheAfterGreetingSilence(string text, string voice)
    {
        var speech = await SpeakAsync(text, voice);
        var (_, end) = SpeechExtent(speech);

        var (events, detector) = AmdRun.Detect(Concat(Silence(600), speech, Silence(4000)));

        var human = Assert.Single(events);
        Assert.Equal(AmdEventKind.HumanDetected, human.Kind);
        Assert.Equal(AmdReason.ShortGreeting, human.Reason);
        // A word's fading tail may be too quiet or too short to extend it, so it can end a little before the last loud sample.
        AmdRun.AssertAt(human, 600 + end + 800 - 150, 600 + end + 800 + 60);
        Assert.InRange(human.Speech, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1400));
        Assert.True(detector.IsComplete);
    }

    [Fact]
    public void SyntheticVoicedBurst_ThenSilence_IsHuman_OneWord()
    {
        var (events, _) = AmdRun.Detect(Concat(Silence(1000), VoicedBurst(400), Silence(3000)));

        var human = Assert.Single(events);
        Assert.Equal(AmdEventKind.HumanDetected, human.Kind);
        Assert.Equal(1, human.Words);

        // The burst's envelope rises from and falls to zero: its first and last 20-40 ms are below the threshold.
        AmdRun.AssertAt(human, 1000 + 400 + 800 - 80, 1000 + 400 + 800 + 20);
    }

    [Fact]
    public void TwoBursts_APauseApart_AreTwoWordsOfOneHumanGreeting()
    {
        var (events, _) = AmdRun.Detect(Concat(VoicedBurst(300), Silence(400), VoicedBurst(300, pitch: 180), Silence(3000)));

        var human = Assert.Single(events);
        Assert.Equal(AmdEventKind.HumanDetected, human.Kind);
        Assert.Equal(2, human.Words);
    }

    [Fact]
    public async Task Hello_OverSteadyBackgroundNoise_IsStillHuman()
    {
        // Noise about 15 dB below the speech, present from the first frame: the adaptive floor absorbs it.
        var speech = await SpeakAsync("Hello?");
        var signal = Concat(Silence(3000), speech, Silence(4000));
        var noisy = Mix(signal, Noise(signal.Length * 1000 / Rate, 600, seed: 7));

        var (events, _) = AmdRun.Detect(noisy);

        Assert.Equal(AmdEventKind.HumanDetected, Assert.Single(events).Kind);
    }

    [Fact]
    public void ABurstShorterThanAWord_IsNotAGreeting()
    {
        // 60 ms of voice (a cough, a click) is under min_word_length, so nothing was heard.
        var (events, _) = AmdRun.Detect(Concat(Silence(500), VoicedBurst(60), Silence(6000)));

        Assert.Equal(AmdEventKind.NoSpeechDetected, Assert.Single(events).Kind);
    }
}
