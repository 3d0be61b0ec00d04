using System.Globalization;

namespace Switchboard.SpeechBench;

/// <summary>
/// Telephone audio upsampled to 16 kHz has nothing above 4 kHz, where the 16 kHz acoustic model's upper mel
/// filters always saw some energy in training. This adds a steady noise floor in that band only, so those
/// filters see a floor rather than a hole: the engine's own fill (Switchboard.Media.Recognition.PocketSphinx),
/// written to wav16k-fill{level}/ beside wav16k/ for the batch tools.
/// </summary>
static class HighBandFill
{
    public static void Write(string corpusDir, double levelDbfs)
    {
        var source = Path.Combine(corpusDir, "wav16k");
        var target = Directory.CreateDirectory(Path.Combine(corpusDir, "wav16k-fill" + ((int)-levelDbfs).ToString(CultureInfo.InvariantCulture))).FullName;
        var fill = new Media.Recognition.PocketSphinx.HighBandFill(levelDbfs);
        foreach (var file in Directory.GetFiles(source, "*.wav"))
        {
            var (samples, rate) = WavFile.Read(file);
            fill.AddTo(samples);
            WavFile.Write(Path.Combine(target, Path.GetFileName(file)), samples, rate);
        }

        Console.WriteLine($"wrote {target}");
    }
}
