using System.Diagnostics;
using System.Globalization;
using System.Text;
using Switchboard.Media.Codecs;

namespace Switchboard.SpeechBench;

/// <summary>
/// Speaks every phrase with every voice through espeak-ng and passes it down a telephone line: telephone band
/// (300–3 400 Hz), 8 kHz, a speech level of about −20 dBFS, a faint noise floor, and G.711 µ-law encode and
/// decode through the media engine's own tables. Writes what a recognizer on a call would hear.
/// </summary>
sealed class CorpusWriter(string outDir)
{
    public const int PhoneRate = 8000;
    public const int WideRate = 16000;
    private const double SpeechRmsDbfs = -20;
    private const double NoiseRmsLsb = 12; // about −69 dBFS: a quiet line, never digital silence
    private const int PadMs = 300;

    public void Write()
    {
        var narrow = Directory.CreateDirectory(Path.Combine(outDir, "wav8k")).FullName;
        var wide = Directory.CreateDirectory(Path.Combine(outDir, "wav16k")).FullName;
        var clean = Directory.CreateDirectory(Path.Combine(outDir, "wav16k-clean")).FullName;
        var scratch = Path.Combine(outDir, "espeak.tmp.wav");
        var list = new StringBuilder("id\tkind\tvoice\tgender\tseconds\ttext\n");
        var ids = new StringBuilder();
        var random = new Random(23);
        var count = 0;
        var totalSeconds = 0.0;
        for (var v = 0; v < CorpusPhrases.Voices.Count; v++)
        {
            var voice = CorpusPhrases.Voices[v];
            for (var p = 0; p < CorpusPhrases.All.Count; p++)
            {
                var phrase = CorpusPhrases.All[p];
                var id = $"u{v}{p:D2}";
                Speak(voice, phrase.Text, scratch);
                var (spoken, rate) = WavFile.Read(scratch);

                // The control: the same speech at 16 kHz straight from the synthesizer, never on a phone line.
                WavFile.Write(Path.Combine(clean, id + ".wav"), Padded(Resampler.Resample(spoken, rate, WideRate, 7600), WideRate, random), WideRate);
                var line = ThroughPhoneLine(spoken, rate, random);
                WavFile.Write(Path.Combine(narrow, id + ".wav"), line, PhoneRate);
                WavFile.Write(Path.Combine(wide, id + ".wav"), Resampler.Resample(line, PhoneRate, WideRate, 3900), WideRate);
                var seconds = (double)line.Length / PhoneRate;
                totalSeconds += seconds;
                list.Append(CultureInfo.InvariantCulture, $"{id}\t{phrase.Kind}\t{voice.Name}\t{voice.Gender}\t{seconds:F3}\t{phrase.Text}\n");
                ids.Append(id).Append('\n');
                count++;
            }
        }

        File.Delete(scratch);
        for (var r = 0; r < CorpusPhrases.Recorded.Count && Directory.Exists(CorpusPhrases.RecordedDir); r++)
        {
            var (file, text) = CorpusPhrases.Recorded[r];
            var id = $"r{r:D2}";
            var path = Path.Combine(CorpusPhrases.RecordedDir, file);
            var original = path.EndsWith(".raw", StringComparison.Ordinal) ? ReadRaw16k(path) : WavFile.Read(path).Samples;
            var line = ThroughPhoneLine(original, WideRate, random);
            WavFile.Write(Path.Combine(narrow, id + ".wav"), line, PhoneRate);
            WavFile.Write(Path.Combine(wide, id + ".wav"), Resampler.Resample(line, PhoneRate, WideRate, 3900), WideRate);
            WavFile.Write(Path.Combine(clean, id + ".wav"), Padded(original, WideRate, random), WideRate);
            var seconds = (double)line.Length / PhoneRate;
            totalSeconds += seconds;
            list.Append(CultureInfo.InvariantCulture, $"{id}\t{PhraseKind.Recorded}\trecorded\tmale\t{seconds:F3}\t{text}\n");
            ids.Append(id).Append('\n');
            count++;
        }

        File.WriteAllText(Path.Combine(outDir, "transcripts.tsv"), list.ToString());
        File.WriteAllText(Path.Combine(outDir, "corpus.ctl"), ids.ToString());
        foreach (var kind in Enum.GetValues<PhraseKind>())
        {
            var ofKind = list.ToString().Split('\n').Skip(1).Select(l => l.Split('\t')).Where(f => f.Length > 1 && f[1] == kind.ToString());
            File.WriteAllLines(Path.Combine(outDir, $"corpus-{kind.ToString().ToLowerInvariant()}.ctl"), ofKind.Select(f => f[0]));
        }

        HintFiles.Write(outDir);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} utterances, {totalSeconds:F1} s of audio, in {Path.GetFullPath(outDir)} (wav8k/, wav16k/, wav16k-clean/, transcripts.tsv, corpus.ctl, hints)"));
    }

    /// <summary>The control gets the same leading and trailing quiet as the phone line, and nothing else.</summary>
    private static short[] Padded(short[] samples, int rate, Random random)
    {
        var pad = rate * PadMs / 1000;
        var padded = new short[samples.Length + 2 * pad];
        for (var i = 0; i < padded.Length; i++)
        {
            var speech = i >= pad && i < pad + samples.Length ? samples[i - pad] : 0;
            padded[i] = Resampler.Clip(speech + Gaussian(random) * NoiseRmsLsb);
        }

        return padded;
    }

    private static short[] ReadRaw16k(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var samples = new short[bytes.Length / 2];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes.AsSpan(0, samples.Length * 2)).CopyTo(samples);
        return samples;
    }

    private static void Speak(Voice voice, string text, string path)
    {
        var start = new ProcessStartInfo("espeak-ng")
        {
            ArgumentList = { "-v", voice.Name, "-s", voice.WordsPerMinute.ToString(CultureInfo.InvariantCulture), "-w", path, text },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"espeak-ng -v {voice.Name} exited {process.ExitCode}: {error}");
        }
    }

    private static short[] ThroughPhoneLine(short[] spoken, int rate, Random random)
    {
        var band = Resampler.Resample(spoken, rate, PhoneRate, 3400);
        Resampler.HighPass(band, PhoneRate, 300);

        // Set the level from the voiced part only, so leading and trailing silence does not change it.
        double energy = 0;
        var voiced = 0;
        foreach (var s in band)
        {
            if (Math.Abs((int)s) > 300)
            {
                energy += (double)s * s;
                voiced++;
            }
        }

        var gain = voiced == 0 ? 1 : 32768 * Math.Pow(10, SpeechRmsDbfs / 20) / Math.Sqrt(energy / voiced);
        var pad = PhoneRate * PadMs / 1000;
        var line = new short[band.Length + 2 * pad];
        for (var i = 0; i < line.Length; i++)
        {
            var speech = i >= pad && i < pad + band.Length ? band[i - pad] * gain : 0;
            line[i] = Resampler.Clip(speech + Gaussian(random) * NoiseRmsLsb);
        }

        var encoded = new byte[line.Length];
        MuLaw.Encode(line, encoded);
        MuLaw.Decode(encoded, line);
        return line;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
