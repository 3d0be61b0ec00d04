using Switchboard.Media.Audio;

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
        HighPassFilter.Apply(noise, Rate, CornerHz);
        HighPassFilter.Apply(noise, Rate, CornerHz);
        return [.. noise.Select(v => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue))];
    }
}
