namespace Switchboard.SpeechBench;

/// <summary>
/// Band-limited resampling by a Blackman-windowed sinc evaluated at each output instant. Slow next to a
/// polyphase filter but exact for any ratio (espeak-ng's 22 050 Hz to 8 000 Hz is 160/441), and the corpus is
/// made once.
/// </summary>
static class Resampler
{
    private const int HalfTaps = 32;

    /// <param name="cutoffHz">Upper edge of the pass band; at most half the lower of the two rates.</param>
    public static short[] Resample(ReadOnlySpan<short> input, int fromRate, int toRate, double cutoffHz)
    {
        var outLength = (int)((long)input.Length * toRate / fromRate);
        var output = new short[outLength];
        var step = (double)fromRate / toRate;
        var fc = cutoffHz / fromRate; // normalised to the input rate
        var halfWidth = HalfTaps * Math.Max(1.0, step);
        for (var n = 0; n < outLength; n++)
        {
            var centre = n * step;
            var first = (int)Math.Ceiling(centre - halfWidth);
            var last = (int)Math.Floor(centre + halfWidth);
            var sum = 0.0;
            for (var k = Math.Max(0, first); k <= Math.Min(input.Length - 1, last); k++)
            {
                var x = k - centre;
                var sinc = x == 0 ? 2 * fc : Math.Sin(2 * Math.PI * fc * x) / (Math.PI * x);
                var w = 0.42 + 0.5 * Math.Cos(Math.PI * x / halfWidth) + 0.08 * Math.Cos(2 * Math.PI * x / halfWidth);
                sum += input[k] * sinc * w;
            }

            output[n] = Clip(sum);
        }

        return output;
    }

    /// <summary>A second-order high-pass for the lower edge of the telephone band (the media engine's filter).</summary>
    public static void HighPass(Span<short> samples, int rate, double cornerHz)
    {
        var signal = new double[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            signal[i] = samples[i];
        }

        Switchboard.Media.Audio.HighPassFilter.Apply(signal, rate, cornerHz);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Clip(signal[i]);
        }
    }

    public static short Clip(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
