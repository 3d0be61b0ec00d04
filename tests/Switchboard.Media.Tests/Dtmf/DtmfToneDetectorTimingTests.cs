using Switchboard.Media.Dtmf;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>ITU-T Q.24 timing: interruptions inside a press, pauses between presses, at every block alignment.</summary>
public sealed class DtmfToneDetectorTimingTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void AShortDropoutInsideAPress_DoesNotSplitIt_AtAnyAlignment(int dropoutMs)
    {
        for (var offset = 0; offset < DtmfToneDetector.BlockSize; offset += 7)
        {
            var signal = DtmfSignal.Concat(new short[offset], DtmfSignal.Tone('6', 80), DtmfSignal.Silence(dropoutMs), DtmfSignal.Tone('6', 80, phase: 1), DtmfSignal.Silence(80));

            var digits = Detect(signal);

            Assert.True(digits.Count == 1 && digits[0].Key == '6', $"offset {offset}: {string.Join(",", digits)}");
            Assert.InRange(digits[0].DurationMilliseconds, 150, 190);
        }
    }

    [Fact]
    public void PressesFortyMillisecondsApart_AreSeparate_AtAnyAlignment()
    {
        for (var offset = 0; offset < DtmfToneDetector.BlockSize; offset += 7)
        {
            var signal = DtmfSignal.Concat(new short[offset], DtmfSignal.Tone('8', 50), DtmfSignal.Silence(40), DtmfSignal.Tone('8', 50), DtmfSignal.Silence(40), DtmfSignal.Tone('0', 50), DtmfSignal.Silence(80));

            Assert.Equal("880", new string([.. Detect(signal).Select(d => d.Key)]));
        }
    }

    [Theory]
    [InlineData(-20, 12)]
    [InlineData(-10, 12)]
    public void QuietKeys_InNoise_AreDetected(double level, double snrDb)
    {
        var clean = DtmfSignal.Concat([.. DtmfSignal.Keys.SelectMany(k => new[] { DtmfSignal.Tone(k, 60, level, level), DtmfSignal.Silence(60) })]);

        for (var seed = 10; seed < 14; seed++)
        {
            var keys = new string([.. Detect(DtmfSignal.WithNoise(clean, snrDb, seed)).Select(d => d.Key)]);
            Assert.True(keys == DtmfSignal.Keys, $"seed {seed}: {keys}");
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(3)]
    public void NoiseAlone_EvenLoud_GivesNoKeys(int seconds)
    {
        var noise = DtmfSignal.WithNoise(DtmfSignal.Sines(seconds * 1000, (1000, 0.3, 0)), -40, seconds);

        Assert.Empty(Detect(noise));
    }

    internal static List<DtmfDigit> Detect(short[] signal, int frame = 160)
    {
        var detector = new DtmfToneDetector();
        var buffer = new DtmfDigit[(frame / DtmfToneDetector.BlockSize) + 1];
        var digits = new List<DtmfDigit>();
        for (var offset = 0; offset < signal.Length; offset += frame)
        {
            var count = detector.Process(signal.AsSpan(offset, Math.Min(frame, signal.Length - offset)), buffer);
            digits.AddRange(buffer.Take(count));
        }

        if (detector.Flush() is { } last)
        {
            digits.Add(last);
        }

        return digits;
    }
}
