namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// Telephone audio upsampled to 16 kHz has nothing above 4 kHz, where the 16 kHz acoustic model's upper mel
/// filters always saw some energy in training. A steady noise floor in that band only gives them a floor instead
/// of a hole (menu words 87.5 → 96.9 % on the phone-line corpus, docs/speech-engines.md). The noise is made once
/// and added cyclically, so filling costs one addition per sample.
/// </summary>
internal sealed class HighBandFill
{
    private const int Rate = 16000;
    private const double CornerHz = 4300;

    private readonly short[] _noise;

    /// <param name="levelDbfs">Roughly the RMS of the fill in dBFS, e.g. −60.</param>
    /// <param name="length">Samples of noise to make before it repeats; a second is more than any frame pattern.</param>
    public HighBandFill(double levelDbfs, int length = Rate, int seed = 4000)
    {
        _noise = Noise(levelDbfs, length, seed);
    }

    /// <summary>Adds the fill to 16 kHz audio in place.</summary>
    public void AddTo(Span<short> samples)
    {
        for (var at = 0; at < samples.Length; at += _noise.Length)
        {
            var chunk = samples.Slice(at, Math.Min(_noise.Length, samples.Length - at));
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (short)Math.Clamp(chunk[i] + _noise[i], short.MinValue, short.MaxValue);
            }
        }
    }

    private static short[] Noise(double levelDbfs, int length, int seed)
    {
        var random = new Random(seed);
        var rms = 32768 * Math.Pow(10, levelDbfs / 20);
        var noise = new double[length];
        for (var i = 0; i < noise.Length; i++)
        {
            // Gaussian noise at twice the target RMS: the high-pass keeps about a quarter of white noise's power
            // at 16 kHz, so what remains is roughly the level asked for.
            noise[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * rms * 2;
        }

        // Two second-order sections: 12 dB/octave alone would leak the fill into the speech band.
        HighPass(noise);
        HighPass(noise);
        return [.. noise.Select(v => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue))];
    }

    /// <summary>A second-order Butterworth high-pass (RBJ audio EQ cookbook biquad).</summary>
    private static void HighPass(double[] samples)
    {
        var w0 = 2 * Math.PI * CornerHz / Rate;
        var alpha = Math.Sin(w0) / (2 * Math.Sqrt(0.5));
        var cos = Math.Cos(w0);
        var a0 = 1 + alpha;
        double b0 = (1 + cos) / 2 / a0, b1 = -(1 + cos) / a0, b2 = (1 + cos) / 2 / a0;
        double a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var x0 = samples[i];
            var y0 = (b0 * x0) + (b1 * x1) + (b2 * x2) - (a1 * y1) - (a2 * y2);
            (x2, x1, y2, y1) = (x1, x0, y1, y0);
            samples[i] = y0;
        }
    }
}
