using Switchboard.Media.Amd;
using Switchboard.Media.Codecs;
using static Switchboard.Media.Tests.Amd.GreetingSignals;

namespace Switchboard.Media.Tests.Amd;

public sealed class AnsweringMachineDetectorContractTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(240)]
    [InlineData(8000)]
    public async Task PacketSize_DoesNotChangeTheEventsOrTheirTimes(int packet)
    {
        var signal = Concat(await SpeakAsync(MachineGreeting), Silence(2500), Tone(1000, 400), Silence(500));

        var (expected, _) = AmdRun.Detect(signal);
        var (actual, _) = AmdRun.Detect(signal, packet: packet);

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public async Task AudioThroughG711_GivesTheSameDecisions(string codec)
    {
        var g711 = codec == "PCMU" ? G711Codec.Pcmu : G711Codec.Pcma;
        var human = Concat(await SpeakAsync("Hello?"), Silence(3000));
        var machine = Concat(await SpeakAsync(MachineGreeting), Silence(2500), Tone(1000, 400), Silence(500));

        Assert.Equal(AmdRun.Kinds(AmdRun.Detect(human).Events), AmdRun.Kinds(AmdRun.Detect(RoundTrip(human, g711)).Events));
        Assert.Equal(AmdRun.Kinds(AmdRun.Detect(machine).Events), AmdRun.Kinds(AmdRun.Detect(RoundTrip(machine, g711)).Events));
        Assert.Equal(AmdRun.Kinds(AmdRun.Detect(Silence(8000)).Events), AmdRun.Kinds(AmdRun.Detect(RoundTrip(Silence(8000), g711)).Events));
    }

    [Fact]
    public async Task Process_AllocatesNothing()
    {
        var signal = Concat(await SpeakAsync(MachineGreeting), Silence(2500), Tone(1000, 400), Silence(500));
        var events = new AmdEvent[AnsweringMachineDetector.MaxEvents];

        // A full pass first, so every state's code is compiled (and tiered up) before allocations are counted:
        // the runtime's own one-time work on this thread is not the detector's.
        var warmUp = new AnsweringMachineDetector();
        for (var offset = 0; offset < signal.Length; offset += 160)
        {
            warmUp.Process(signal.AsSpan(offset, Math.Min(160, signal.Length - offset)), events);
        }

        // A detector that allocates per frame does so on every pass; the runtime's tiering, which may still install
        // faster code during the first measured pass on a loaded machine, does not repeat. So the best of three
        // passes must be zero.
        var fewest = long.MaxValue;
        for (var pass = 0; pass < 3 && fewest > 0; pass++)
        {
            var detector = new AnsweringMachineDetector();
            detector.Process(signal.AsSpan(0, 160), events);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var total = 0;
            for (var offset = 160; offset < signal.Length; offset += 160)
            {
                total += detector.Process(signal.AsSpan(offset, Math.Min(160, signal.Length - offset)), events);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(detector.IsComplete);
            Assert.Equal(3, total);
        }

        Assert.Equal(0, fewest);
    }

    private static short[] RoundTrip(short[] samples, G711Codec codec)
    {
        var encoded = new byte[samples.Length];
        var decoded = new short[samples.Length];
        codec.Encode(samples, encoded);
        codec.Decode(encoded, decoded);
        return decoded;
    }

    [Fact]
    public void AfterCompletion_FurtherAudioIsIgnored()
    {
        var detector = new AnsweringMachineDetector();
        var events = new AmdEvent[AnsweringMachineDetector.MaxEvents];
        Assert.Equal(1, detector.Process(Silence(6000), events));

        Assert.Equal(0, detector.Process(VoicedBurst(2000), events));
        Assert.Equal(AmdState.Complete, detector.State);
    }

    [Fact]
    public void ATooSmallEventBuffer_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new AnsweringMachineDetector().Process(Silence(20), new AmdEvent[2]));

    [Fact]
    public void Defaults_FollowJambonzTimersAndAsteriskCadence()
    {
        var o = AmdOptions.Default;

        Assert.Equal(TimeSpan.FromSeconds(5), o.NoSpeechTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), o.DecisionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), o.ToneTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), o.GreetingCompletionTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), o.MaxGreeting);
        Assert.Equal(TimeSpan.FromMilliseconds(800), o.AfterGreetingSilence);
        Assert.Empty(AmdOptionsValidator.Validate(o));
    }

    [Fact]
    public void InvalidOptions_NameTheProperty_AndTheDetectorRefusesThem()
    {
        var options = AmdOptions.Default with
        {
            NoSpeechTimeout = TimeSpan.FromSeconds(30),
            MinWordLength = TimeSpan.Zero,
            ThresholdWordCount = 0,
            MaxToneFrequency = 5000,
        };

        var problems = AmdOptionsValidator.Validate(options);

        Assert.Contains(problems, p => p.StartsWith("NoSpeechTimeout must not exceed DecisionTimeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MinWordLength", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ThresholdWordCount", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxToneFrequency", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new AnsweringMachineDetector(options));
    }
}
