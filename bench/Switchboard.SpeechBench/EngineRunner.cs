using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.PocketSphinx;

namespace Switchboard.SpeechBench;

/// <summary>
/// Recognises the corpus through the engine class the media engine uses (<see cref="PocketSphinxRecognizer"/>),
/// from the 8 kHz phone audio, one utterance after another: with the hints of the question each utterance answers,
/// or with none. Measures the time from handing over the whole utterance to the result, and CPU per audio second.
/// </summary>
static class EngineRunner
{
    public static async Task<int> RunAsync(string corpusDir, string hypPath, bool withHints, PocketSphinxOptions options)
    {
        using var engine = new PocketSphinxRecognizer(options with { MaxDecoders = 1 }, NullLogger<PocketSphinxRecognizer>.Instance);
        var utterances = Load(corpusDir, withHints);

        // The first recognition loads the model (and, without hints, the language model): not a figure of interest.
        await engine.RecognizeAsync(utterances[0].Audio, utterances[0].Request, CancellationToken.None);
        var hyps = new StringBuilder();
        var latencies = new List<double>();
        var audio = 0.0;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var utterance in utterances)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await engine.RecognizeAsync(utterance.Audio, utterance.Request, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            audio += utterance.Audio.Length / 8000.0;
            hyps.Append(utterance.Id).Append('\t').Append(result.Transcript).Append('\n');
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        File.WriteAllText(hypPath, hyps.ToString());
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PocketSphinxRecognizer, {(withHints ? "hints of each question" : "no hints")}, fill {options.HighBandFillDbfs?.ToString(CultureInfo.InvariantCulture) ?? "none"}: " +
            $"{latencies.Count} utterances, {audio:F1} s audio, {cpu:F2} s CPU = {cpu / audio:F3} CPU s per audio s; " +
            $"utterance to result p50 {Percentile(latencies, 0.5):F1} ms p95 {Percentile(latencies, 0.95):F1} ms"));
        Console.Write(Scorer.Report(corpusDir, hypPath, Path.GetFileName(hypPath), Console.Error));
        return 0;
    }

    /// <summary>The corpus's 8 kHz utterances, each with the request a gather asking its question would make.</summary>
    public static List<(string Id, short[] Audio, RecognitionRequest Request)> Load(string corpusDir, bool withHints)
    {
        var list = new List<(string, short[], RecognitionRequest)>();
        foreach (var reference in Scorer.ReadTranscripts(corpusDir))
        {
            if (withHints && reference.Kind == PhraseKind.Recorded)
            {
                continue; // the recorded passages answer no question: there are no hints to give them
            }

            var (samples, _) = WavFile.Read(Path.Combine(corpusDir, "wav8k", reference.Id + ".wav"));
            var hints = withHints ? HintsFor(reference.Kind) : [];
            list.Add((reference.Id, samples, new RecognitionRequest("en-US") { Hints = hints }));
        }

        return list;
    }

    /// <summary>The answers to the one question each kind of utterance answers; digits as the ten digit words.</summary>
    public static IReadOnlyList<string> HintsFor(PhraseKind kind) => kind == PhraseKind.Digits
        ? CorpusPhrases.DigitWords
        : [.. CorpusPhrases.All.Where(p => p.Kind == kind).Select(p => p.Text)];

    public static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}
