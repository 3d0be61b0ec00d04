using System.Globalization;

namespace Switchboard.SpeechBench;

/// <summary>
/// Telephone audio upsampled to 16 kHz has nothing above 4 kHz, where the 16 kHz acoustic model's upper mel
/// filters always saw some energy in training. This adds a steady noise floor in that band only, so those
/// filters see a floor rather than a hole. Writes wav16k-fill{level}/ beside wav16k/.
/// </summary>
static class HighBandFill
{
    public static void Write(string corpusDir, double levelDbfs)
    {
        var source = Path.Combine(corpusDir, "wav16k");
        var target = Directory.CreateDirectory(Path.Combine(corpusDir, "wav16k-fill" + ((int)-levelDbfs).ToString(CultureInfo.InvariantCulture))).FullName;
        var random = new Random(4000);
        var rms = 32768 * Math.Pow(10, levelDbfs / 20);
        foreach (var file in Directory.GetFiles(source, "*.wav"))
        {
            var (samples, rate) = WavFile.Read(file);
            var noise = new short[samples.Length];
            for (var i = 0; i < noise.Length; i++)
            {
                // Twice the target RMS before the high-pass, which keeps about a quarter of white noise's power
                // at 16 kHz: LEVEL is roughly the RMS of the fill that remains.
                noise[i] = Resampler.Clip(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * rms * 2);
            }

            // Two second-order sections: 12 dB/octave is not enough to keep the fill out of the speech band.
            Resampler.HighPass(noise, rate, 4300);
            Resampler.HighPass(noise, rate, 4300);
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = Resampler.Clip(samples[i] + noise[i]);
            }

            WavFile.Write(Path.Combine(target, Path.GetFileName(file)), samples, rate);
        }

        Console.WriteLine($"wrote {target}");
    }
}
