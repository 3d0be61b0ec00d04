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

    /// <summary>A second-order high-pass (RBJ biquad) for the lower edge of the telephone band.</summary>
    public static void HighPass(Span<short> samples, int rate, double cornerHz)
    {
        var w0 = 2 * Math.PI * cornerHz / rate;
        var alpha = Math.Sin(w0) / (2 * Math.Sqrt(0.5));
        var cos = Math.Cos(w0);
        var a0 = 1 + alpha;
        double b0 = (1 + cos) / 2 / a0, b1 = -(1 + cos) / a0, b2 = (1 + cos) / 2 / a0;
        double a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            double x0 = samples[i];
            var y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x0;
            y2 = y1;
            y1 = y0;
            samples[i] = Clip(y0);
        }
    }

    public static short Clip(double value) => (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
