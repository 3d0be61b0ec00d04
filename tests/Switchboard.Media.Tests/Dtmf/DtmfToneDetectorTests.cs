using Switchboard.Media.Dtmf;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class DtmfToneDetectorTests
{
    public static TheoryData<char> AllKeys() => [.. DtmfSignal.Keys];

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void EachKey_IsDetectedOnce_WithItsDuration(char key)
    {
        var digits = Detect(DtmfSignal.Concat(DtmfSignal.Silence(30), DtmfSignal.Tone(key, 100), DtmfSignal.Silence(60)));

        var digit = Assert.Single(digits);
        Assert.Equal(key, digit.Key);
        Assert.InRange(digit.DurationMilliseconds, 75, 115);
    }

    [Fact]
    public void AllKeysInSequence_AreDetectedInOrder_FedInTwentyMillisecondFrames()
    {
        var signal = DtmfSignal.Concat([.. DtmfSignal.Keys.SelectMany(k => new[] { DtmfSignal.Tone(k, 50), DtmfSignal.Silence(50) })]);

        Assert.Equal(DtmfSignal.Keys, new string([.. Detect(signal, 160).Select(d => d.Key)]));
    }

    [Theory]
    [InlineData(20, 1)]
    [InlineData(20, 2)]
    [InlineData(15, 3)]
    [InlineData(15, 4)]
    public void Keys_WithWhiteNoise_AreStillDetected(double snrDb, int seed)
    {
        var clean = DtmfSignal.Concat([.. DtmfSignal.Keys.SelectMany(k => new[] { DtmfSignal.Tone(k, 70), DtmfSignal.Silence(60) })]);
        var signal = DtmfSignal.WithNoise(clean, snrDb, seed);

        Assert.Equal(DtmfSignal.Keys, new string([.. Detect(signal, 160).Select(d => d.Key)]));
    }

    [Theory]
    [InlineData(-10, -16)]
    [InlineData(-10, -7)]
    [InlineData(-30 + 2, -30 + 2)]
    public void Twist_WithinLimits_IsAccepted(double low, double high)
    {
        var digits = Detect(DtmfSignal.Concat(DtmfSignal.Tone('5', 80, low, high), DtmfSignal.Silence(60)));

        Assert.Equal('5', Assert.Single(digits).Key);
    }

    [Theory]
    [InlineData(-6, -18)]
    [InlineData(-14, -7)]
    [InlineData(-40, -40)]
    public void Twist_OutsideLimits_OrTooQuiet_IsRejected(double low, double high)
    {
        Assert.Empty(Detect(DtmfSignal.Concat(DtmfSignal.Tone('5', 100, low, high), DtmfSignal.Silence(60))));
    }

    [Fact]
    public void TwentyMillisecondBlips_AreRejected_AtEveryBlockAlignment()
    {
        for (var offset = 0; offset < DtmfToneDetector.BlockSize; offset += 3)
        {
            var signal = DtmfSignal.Concat(new short[offset], DtmfSignal.Tone('7', 20, phase: offset), DtmfSignal.Silence(60));

            Assert.True(Detect(signal).Count == 0, $"offset {offset}: {string.Join(",", Detect(signal))}");
        }
    }

    [Fact]
    public void FortyMillisecondTones_AreAccepted_AtEveryBlockAlignment()
    {
        for (var offset = 0; offset < DtmfToneDetector.BlockSize; offset += 3)
        {
            var signal = DtmfSignal.Concat(new short[offset], DtmfSignal.Tone('9', 40, phase: offset), DtmfSignal.Silence(60));

            Assert.Equal('9', Assert.Single(Detect(signal)).Key);
        }
    }

    [Fact]
    public void TwoPressesOfTheSameKey_SeparatedBySilence_AreTwoDigits()
    {
        var signal = DtmfSignal.Concat(DtmfSignal.Tone('3', 60), DtmfSignal.Silence(45), DtmfSignal.Tone('3', 60), DtmfSignal.Silence(60));

        Assert.Equal("33", new string([.. Detect(signal).Select(d => d.Key)]));
    }

    [Fact]
    public void Flush_ReportsAPressStillOn()
    {
        var detector = new DtmfToneDetector();
        var digits = new DtmfDigit[8];
        Assert.Equal(0, detector.Process(DtmfSignal.Tone('#', 100), digits));

        Assert.Equal('#', detector.Flush()?.Key);
        Assert.Null(detector.Flush());
    }

    [Fact]
    public void MusicLikeChords_GiveNoKeys()
    {
        // Triads and their harmonics, some notes close to DTMF frequencies (F5 = 698 Hz, G6 = 1568 Hz).
        var chords = new List<short[]>();
        double[][] roots = [[349.2, 440, 523.3], [392, 493.9, 587.3], [698.5, 880, 1046.5], [440, 554.4, 659.3], [784, 987.8, 1174.7]];
        foreach (var notes in roots)
        {
            var parts = notes.SelectMany(f => new[] { (f, 0.12, 0.0), (2 * f, 0.06, 0.5), (3 * f, 0.03, 1.0) }).ToArray();
            chords.Add(DtmfSignal.Sines(300, parts));
        }

        // Two pure notes at a time, a fifth or so apart, in the DTMF bands but off its frequencies.
        chords.Add(DtmfSignal.Sines(300, (659.3, 0.2, 0), (1318.5, 0.2, 0)));
        chords.Add(DtmfSignal.Sines(300, (783.99, 0.2, 0), (1174.7, 0.2, 0)));

        Assert.Empty(Detect(DtmfSignal.Concat([.. chords])));
    }

    private static List<DtmfDigit> Detect(short[] signal, int frame = 37)
    {
        var detector = new DtmfToneDetector();
        var buffer = new DtmfDigit[(frame / DtmfToneDetector.BlockSize) + 1];
        var digits = new List<DtmfDigit>();
        for (var offset = 0; offset < signal.Length; offset += frame)
        {
            var count = detector.Process(signal.AsSpan(offset, Math.Min(frame, signal.Length - offset)), buffer);
            digits.AddRange(buffer.Take(count));
        }

        return digits;
    }
}
