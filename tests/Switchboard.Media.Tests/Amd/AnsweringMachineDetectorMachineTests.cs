using Switchboard.Media.Amd;
using static Switchboard.Media.Tests.Amd.GreetingSignals;

namespace Switchboard.Media.Tests.Amd;

public sealed class AnsweringMachineDetectorMachineTests
{
    [Theory]
    [InlineData("en-us")]
    [InlineData("en-gb+f3")]
    public async Task EspeakVoicemailGreeting_SilenceAndBeep_AreMachineThenStoppedSpeakingThenTone(string voice)
    {
        var greeting = await SpeakAsync(MachineGreeting, voice);
        var (start, end) = SpeechExtent(greeting);
        var beepAt = (greeting.Length * 1000.0 / Rate) + 3000;

        var (events, detector) = AmdRun.Detect(Concat(greeting, Silence(3000), Tone(1000, 500), Silence(3000)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking,ToneDetected", AmdRun.Kinds(events));
        Assert.Equal(AmdReason.LongGreeting, events[0].Reason);
        AmdRun.AssertAt(events[0], start + 1500, start + 3000);
        AmdRun.AssertAt(events[1], end + 2000 - 40, end + 2000 + 100);
        AmdRun.AssertAt(events[2], beepAt + 120, beepAt + 180);
        Assert.InRange(events[2].ToneFrequency, 995, 1005);
        Assert.True(detector.IsComplete);
    }

    [Fact]
    public async Task BeepSoonAfterTheGreeting_EndsTheGreeting_AtTheBeep()
    {
        var greeting = await SpeakAsync(MachineGreeting);
        var beepAt = (greeting.Length * 1000.0 / Rate) + 500;

        var (events, _) = AmdRun.Detect(Concat(greeting, Silence(500), Tone(850, 300), Silence(2000)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking,ToneDetected", AmdRun.Kinds(events));
        AmdRun.AssertAt(events[1], beepAt + 120, beepAt + 180);
        Assert.Equal(events[1].At, events[2].At);
        Assert.InRange(events[2].ToneFrequency, 845, 855);
    }

    [Fact]
    public void ShortGreetingAndABeep_IsAMachineBecauseOfTheTone_NotAHuman()
    {
        // "Leave a message" and a beep 600 ms later: before the 800 ms after-greeting silence is over.
        var (events, _) = AmdRun.Detect(Concat(VoicedBurst(500), Silence(600), Tone(1400, 400), Silence(2000)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking,ToneDetected", AmdRun.Kinds(events));
        Assert.Equal(AmdReason.Tone, events[0].Reason);
        AmdRun.AssertAt(events[2], 500 + 600 + 120, 500 + 600 + 180);
    }

    [Fact]
    public void AToneInTheAfterGreetingSilence_HoldsTheHumanDecisionUntilItIsABeep()
    {
        // The beep starts 700 ms after the word and is confirmed 140 ms later, past the 800 ms silence.
        var (events, _) = AmdRun.Detect(Concat(VoicedBurst(400), Silence(700), Tone(1000, 300), Silence(2000)));

        Assert.Equal(AmdEventKind.MachineDetected, events[0].Kind);
        Assert.Equal(AmdReason.Tone, events[0].Reason);
    }

    [Fact]
    public void ManyShortWords_ReachTheWordCount_BeforeTheGreetingIsLong()
    {
        var words = Enumerable.Range(0, 6).SelectMany(i => Concat(VoicedBurst(150, pitch: 120 + (10 * i)), Silence(200))).ToArray();

        var (events, _) = AmdRun.Detect(Concat(words, Silence(3000)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking", AmdRun.Kinds(events));
        Assert.Equal(AmdReason.WordCount, events[0].Reason);
        Assert.Equal(4, events[0].Words);
        Assert.True(events[0].Speech < AmdOptions.Default.MaxGreeting);
    }

    [Fact]
    public void ThresholdWordCount_IsPerCall()
    {
        var words = Enumerable.Range(0, 6).SelectMany(i => Concat(VoicedBurst(150, pitch: 120 + (10 * i)), Silence(200))).ToArray();

        var (events, _) = AmdRun.Detect(Concat(words, Silence(3000)), AmdOptions.Default with { ThresholdWordCount = 7 });

        Assert.Equal(AmdEventKind.HumanDetected, Assert.Single(events).Kind);
        Assert.Equal(6, events[0].Words);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(1500)]
    [InlineData(2000)]
    public void BeepsAcrossTheRange_AreDetected(double frequency)
    {
        var (events, _) = AmdRun.Detect(Concat(VoicedBurst(2000), Silence(2500), Tone(frequency, 250), Silence(1000)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking,ToneDetected", AmdRun.Kinds(events));
        Assert.InRange(events[2].ToneFrequency, frequency * 0.995, frequency * 1.005);
    }

    [Theory]
    [InlineData(1000, 100)] // too short
    [InlineData(2600, 400)] // above the range
    [InlineData(300, 400)] // below the range
    public void TonesTooShortOrOutOfRange_AreNotTheBeep(double frequency, int milliseconds)
    {
        var (events, _) = AmdRun.Detect(Concat(VoicedBurst(2000), Silence(2500), Tone(frequency, milliseconds), Silence(1000)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking", AmdRun.Kinds(events));
    }

    [Fact]
    public void BeepInNoise_At20DbSnr_IsDetected()
    {
        var signal = Concat(VoicedBurst(2000), Silence(2500), Tone(1000, 300, amplitude: 4000), Silence(1000));

        var (events, _) = AmdRun.Detect(Mix(signal, Noise(signal.Length / 8, 283, seed: 3)));

        Assert.Equal("MachineDetected,MachineStoppedSpeaking,ToneDetected", AmdRun.Kinds(events));
    }

    [Fact]
    public async Task ABeepAfterTheToneTimeout_IsNotReported()
    {
        var greeting = await SpeakAsync(MachineGreeting);
        var options = AmdOptions.Default with { ToneTimeout = TimeSpan.FromSeconds(16) };

        var (events, detector) = AmdRun.Detect(Concat(greeting, Silence(5000), Tone(1000, 500), Silence(1000)), options);

        Assert.Equal("MachineDetected,MachineStoppedSpeaking", AmdRun.Kinds(events));
        Assert.True(detector.IsComplete);
        Assert.Equal(TimeSpan.FromSeconds(16), detector.Elapsed);
    }
}
