namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// 8 kHz to 16 kHz into a caller's buffer, allocation-free. A half-band interpolator: every even output sample is
/// the input sample itself, every odd one the Blackman-windowed sinc interpolation halfway between its neighbours
/// (the ideal half-band filter's taps at whole samples are zero, so only the odd phase needs arithmetic). The
/// pass band ends near 3.6 kHz, above the 3.4 kHz a telephone line carries.
/// </summary>
internal static class HalfBandUpsampler
{
    private const int HalfTaps = 16;

    /// <summary>Taps for input samples n−15 … n+16 that place output 2n+1 between input n and n+1.</summary>
    private static readonly float[] OddTaps = BuildOddTaps();

    /// <summary>Writes <paramref name="input"/> at twice its rate into the first 2 × length samples of <paramref name="output"/>.</summary>
    public static void Upsample(ReadOnlySpan<short> input, Span<short> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, input.Length * 2);
        for (var n = 0; n < input.Length; n++)
        {
            output[2 * n] = input[n];
            double sum = 0;
            for (var k = 0; k < OddTaps.Length; k++)
            {
                var index = n - HalfTaps + 1 + k;
                if ((uint)index < (uint)input.Length)
                {
                    sum += OddTaps[k] * input[index];
                }
            }

            output[(2 * n) + 1] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }
    }

    private static float[] BuildOddTaps()
    {
        var taps = new float[2 * HalfTaps];
        for (var k = 0; k < taps.Length; k++)
        {
            // Distance, in input samples, from the point halfway between n and n+1 to input n−15+k.
            var x = k - HalfTaps + 0.5;
            var sinc = Math.Sin(Math.PI * x) / (Math.PI * x);
            var window = 0.42 + (0.5 * Math.Cos(Math.PI * x / (HalfTaps + 0.5))) + (0.08 * Math.Cos(2 * Math.PI * x / (HalfTaps + 0.5)));
            taps[k] = (float)(sinc * window);
        }

        return taps;
    }
}
