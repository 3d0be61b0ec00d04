using Switchboard.Media.Amd;
using static Switchboard.Media.Tests.Amd.GreetingSignals;

namespace Switchboard.Media.Tests.Amd;

public sealed class AnsweringMachineDetectorTimeoutTests
{
    [Fact]
    public void Silence_IsNoSpeech_AtExactlyTheNoSpeechTimeout()
    {
        var (events, detector) = AmdRun.Detect(Silence(20_000));

        var e = Assert.Single(events);
        Assert.Equal(AmdEventKind.NoSpeechDetected, e.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), e.At);
        Assert.True(detector.IsComplete);
    }

    [Fact]
    public void QuietLineNoise_BelowTheSilenceThreshold_IsNoSpeech_AtACustomTimeout()
    {
        // RMS 100 is -50 dBFS: a quiet line, below the -45 dBFS threshold.
        var options = AmdOptions.Default with { NoSpeechTimeout = TimeSpan.FromMilliseconds(3010) };

        var (events, _) = AmdRun.Detect(Noise(10_000, 100, seed: 1), options);

        var e = Assert.Single(events);
        Assert.Equal(AmdEventKind.NoSpeechDetected, e.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(3020), e.At);
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(3000, 2)]
    [InlineData(8000, 3)]
    public void ContinuousNoise_IsNeitherSpeechNorSilence_SoTheDecisionTimesOut(double rms, int seed)
    {
        var (events, _) = AmdRun.Detect(Noise(20_000, rms, seed));

        var e = Assert.Single(events);
        Assert.Equal(AmdEventKind.DecisionTimeout, e.Kind);
        Assert.Equal(TimeSpan.FromSeconds(15), e.At);
        Assert.Equal(0, e.Words);
    }

    [Fact]
    public void DecisionTimeout_IsPerCall()
    {
        var options = AmdOptions.Default with { DecisionTimeout = TimeSpan.FromSeconds(8) };

        var (events, _) = AmdRun.Detect(Noise(20_000, 2000, seed: 4), options);

        Assert.Equal(TimeSpan.FromSeconds(8), Assert.Single(events).At);
    }

    [Fact]
    public void NoiseThatStopsBeforeTheNoSpeechTimeout_StillCountsAsHavingHeardSomething()
    {
        var (events, _) = AmdRun.Detect(Concat(Noise(1000, 3000, seed: 5), Silence(19_000)));

        Assert.Equal(AmdEventKind.DecisionTimeout, Assert.Single(events).Kind);
    }
}
