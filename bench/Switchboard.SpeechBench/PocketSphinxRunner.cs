using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Switchboard.Media.Recognition.PocketSphinx;

namespace Switchboard.SpeechBench;

/// <summary>
/// Recognises the corpus in process through libpocketsphinx, as the media engine would: one long-lived decoder,
/// 20 ms frames pushed as they would arrive, one search per hint set chosen before each utterance. Measures CPU
/// per audio second on this thread and the time from the last frame to the final hypothesis.
/// </summary>
static class PocketSphinxRunner
{
    private const string Model = "/usr/share/pocketsphinx/model/en-us";

    /// <param name="extra">More decoder options, e.g. <c>-fwdflat no -bestpath no</c>.</param>
    public static int Run(string corpusDir, string wavDir, string mode, string hypPath, string[] extra)
    {
        string[] argv = ["-hmm", Path.Combine(Model, "en-us"), "-dict", Path.Combine(Model, "cmudict-en-us.dict"), "-logfn", "/dev/null", .. extra];
        var config = PocketSphinxNative.ParseConfig(0, PocketSphinxNative.Args(), argv.Length, argv, 1);
        var decoder = PocketSphinxNative.Init(config);
        if (decoder == 0)
        {
            Console.Error.WriteLine("ps_init failed");
            return 1;
        }

        var searches = new Dictionary<PhraseKind, string>();
        if (mode == "lm")
        {
            Check(PocketSphinxNative.SetLmFile(decoder, "lm", Path.Combine(Model, "en-us.lm.bin")), "ps_set_lm_file");
        }
        else if (mode == "grammar")
        {
            Check(PocketSphinxNative.SetJsgfString(decoder, "all", File.ReadAllText(Path.Combine(corpusDir, "hints.gram"))), "ps_set_jsgf_string");
        }
        else
        {
            foreach (var kind in new[] { PhraseKind.YesNo, PhraseKind.Menu, PhraseKind.Digits, PhraseKind.Sentence })
            {
                var name = kind.ToString().ToLowerInvariant();
                Check(PocketSphinxNative.SetJsgfString(decoder, name, File.ReadAllText(Path.Combine(corpusDir, $"hints-{name}.gram"))), "ps_set_jsgf_string");
                searches[kind] = name;
            }
        }

        var hyps = new StringBuilder();
        var finals = new List<double>();
        double cpu = 0, audio = 0;
        foreach (var reference in Scorer.ReadTranscripts(corpusDir))
        {
            if (mode == "per-question" && !searches.ContainsKey(reference.Kind))
            {
                continue; // recorded passages were not asked as a question: no grammar to give them
            }

            var (samples, rate) = WavFile.Read(Path.Combine(corpusDir, wavDir, reference.Id + ".wav"));
            var frame = rate / 50;
            var started = ThreadCpu.Seconds();
            Check(PocketSphinxNative.SetSearch(decoder, mode switch { "lm" => "lm", "grammar" => "all", _ => searches[reference.Kind] }), "ps_set_search");
            Check(PocketSphinxNative.StartUtterance(decoder), "ps_start_utt");
            unsafe
            {
                fixed (short* p = samples)
                {
                    for (var at = 0; at + frame <= samples.Length; at += frame)
                    {
                        PocketSphinxNative.ProcessRaw(decoder, p + at, (nuint)frame, 0, 0);
                    }
                }
            }

            var end = Stopwatch.GetTimestamp();
            Check(PocketSphinxNative.EndUtterance(decoder), "ps_end_utt");
            var text = Marshal.PtrToStringUTF8(PocketSphinxNative.GetHypothesis(decoder, out _)) ?? "";
            finals.Add(Stopwatch.GetElapsedTime(end).TotalMilliseconds);
            cpu += ThreadCpu.Seconds() - started;
            audio += (double)samples.Length / rate;
            hyps.Append(reference.Id).Append('\t').Append(text).Append('\n');
        }

        File.WriteAllText(hypPath, hyps.ToString());
        finals.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pocketsphinx {mode} {string.Join(' ', extra)} on {wavDir}: {finals.Count} utterances, {audio:F1} s audio, {cpu:F2} s CPU = {cpu / audio:F3} CPU s per audio s; " +
            $"last frame to final p50 {Percentile(finals, 0.5):F1} ms p95 {Percentile(finals, 0.95):F1} ms; RSS {Environment.WorkingSet / 1048576} MiB"));
        PocketSphinxNative.Free(decoder);
        PocketSphinxNative.FreeConfig(config);
        return 0;
    }

    /// <summary>Memory of a pool: creates <paramref name="count"/> decoders with the per-question grammars.</summary>
    public static int Pool(string corpusDir, int count)
    {
        var before = Environment.WorkingSet;
        var decoders = new List<(nint Config, nint Decoder)>();
        for (var i = 0; i < count; i++)
        {
            string[] argv = ["-hmm", Path.Combine(Model, "en-us"), "-dict", Path.Combine(Model, "cmudict-en-us.dict"), "-logfn", "/dev/null"];
            var config = PocketSphinxNative.ParseConfig(0, PocketSphinxNative.Args(), argv.Length, argv, 1);
            var decoder = PocketSphinxNative.Init(config);
            foreach (var name in new[] { "yesno", "menu", "digits", "sentence" })
            {
                Check(PocketSphinxNative.SetJsgfString(decoder, name, File.ReadAllText(Path.Combine(corpusDir, $"hints-{name}.gram"))), "ps_set_jsgf_string");
            }

            decoders.Add((config, decoder));
        }

        var after = Environment.WorkingSet;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} decoders with grammars: RSS {before / 1048576} -> {after / 1048576} MiB, {(after - before) / 1048576.0 / count:F1} MiB each"));
        foreach (var (config, decoder) in decoders)
        {
            PocketSphinxNative.Free(decoder);
            PocketSphinxNative.FreeConfig(config);
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"{call} returned {result}");
        }
    }
}
