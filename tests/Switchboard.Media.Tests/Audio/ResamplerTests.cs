using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(22050)]
    [InlineData(16000)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Downsampling_KeepsAOneKilohertzTonesPitchAndLevel(int inputRate)
    {
        var input = Tone(1000, inputRate, inputRate, 10000);

        var output = new Resampler(inputRate, 8000).Process(input);

        Assert.InRange(output.Length, 7999, 8000);
        var steady = output.AsSpan(400, 7200);
        var tone = Goertzel(steady, 1000, 8000);
        Assert.InRange(tone, 9000, 11000);
        Assert.InRange(ZeroCrossings(steady), 1990 * 7200 / 8000, 2010 * 7200 / 8000);
    }

    [Fact]
    public void Downsampling_RemovesContentAboveTheOutputNyquistFrequency()
    {
        // 6 kHz would alias to 2 kHz at 8 kHz without the low-pass.
        var input = Tone(6000, 22050, 22050, 10000);

        var output = new Resampler(22050, 8000).Process(input);

        var alias = Goertzel(output.AsSpan(400, 7200), 2000, 8000);
        Assert.InRange(alias, 0, 100);
    }

    [Fact]
    public void SameRate_IsIdentityForAConstant()
    {
        var input = Enumerable.Repeat((short)1234, 1000).ToArray();

        var output = new Resampler(8000, 8000).Process(input);

        Assert.All(output.AsSpan(100, 800).ToArray(), s => Assert.InRange(s, 1233, 1235));
    }

    internal static short[] Tone(double frequency, int rate, int count, double amplitude) =>
        Enumerable.Range(0, count).Select(i => (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    /// <summary>The amplitude of <paramref name="frequency"/> in <paramref name="samples"/>.</summary>
    internal static double Goertzel(ReadOnlySpan<short> samples, double frequency, int rate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    internal static int ZeroCrossings(ReadOnlySpan<short> samples)
    {
        var count = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                count++;
            }
        }

        return count;
    }
}
