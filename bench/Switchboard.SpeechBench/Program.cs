using System.Globalization;
using Switchboard.Media.Recognition.PocketSphinx;
using Switchboard.SpeechBench;

// Speech recognition bench: makes a fixed telephone-audio corpus and scores recognizer output against it.
//   corpus [DIR]                          speak the phrase set with espeak-ng and pass it through 8 kHz G.711 µ-law
//   fill DIR LEVEL_DBFS                   add a noise floor above 4 kHz to wav16k/ (see HighBandFill)
//   pocketsphinx DIR WAVDIR MODE HYPFILE [DECODER OPTIONS...]
//                                         recognise in process; MODE lm (no hints) | grammar | per-question
//   pocketsphinx-pool DIR N               memory of N decoders holding the per-question grammars
//   engine DIR HYPFILE [--no-hints] [--fill DBFS|none] [--second-pass] [--decoder OPTIONS]
//                                         recognise the 8 kHz audio through PocketSphinxRecognizer and score it
//   engine-load DIR [--sessions S] [--loops 1,5,10,20,30] [--seconds T] [--decoders D]
//                                         N recognition loops beside S paced media sessions: pacing p99, latency, CPU
//   score DIR HYPFILE [LABEL] [--errors]  exact-phrase accuracy and WER, overall and per kind of utterance
// See docs/speech-engines.md for the recognizer commands that produce HYPFILE.
var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "corpus":
        new CorpusWriter(args.Length > 1 ? args[1] : "speech-corpus").Write();
        return 0;
    case "fill" when args.Length >= 3:
        Switchboard.SpeechBench.HighBandFill.Write(args[1], double.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    case "pocketsphinx" when args.Length >= 5:
        return PocketSphinxRunner.Run(args[1], args[2], args[3], args[4], args[5..]);
    case "pocketsphinx-pool" when args.Length >= 3:
        return PocketSphinxRunner.Pool(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    case "engine" when args.Length >= 3:
        return await EngineRunner.RunAsync(args[1], args[2], !args.Contains("--no-hints"), EngineOptions(args));
    case "engine-load" when args.Length >= 2:
        return await LoadRunner.RunAsync(args[1], Int(args, "--sessions", 50), IntList(args, "--loops", [1, 5, 10, 20, 30]),
            Int(args, "--seconds", 20), EngineOptions(args) with { MaxDecoders = Int(args, "--decoders", Environment.ProcessorCount * 2) });
    case "score" when args.Length >= 3:
        var label = args.Length > 3 && !args[3].StartsWith("--", StringComparison.Ordinal) ? args[3] : Path.GetFileName(args[2]);
        var errors = args.Contains("--errors") ? Console.Error : null;
        Console.Write(Scorer.Report(args[1], args[2], label, errors));
        return 0;
    default:
        Console.Error.WriteLine("usage: corpus [DIR] | fill CORPUS_DIR LEVEL_DBFS | pocketsphinx CORPUS_DIR WAVDIR lm|grammar|per-question HYP_FILE [OPTIONS] | pocketsphinx-pool CORPUS_DIR N | engine CORPUS_DIR HYP_FILE [--no-hints] [--fill DBFS|none] [--second-pass] [--decoder OPTIONS] | engine-load CORPUS_DIR [--sessions S] [--loops N,N..] [--seconds T] [--decoders D] | score CORPUS_DIR HYP_FILE [LABEL] [--errors]");
        return 2;
}

static string? Text(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

static int Int(string[] args, string name, int fallback) => Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static int[] IntList(string[] args, string name, int[] fallback) =>
    Text(args, name) is { } text ? [.. text.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))] : fallback;

static PocketSphinxOptions EngineOptions(string[] args) => PocketSphinxOptions.Default with
{
    HighBandFillDbfs = Text(args, "--fill") switch
    {
        null => PocketSphinxOptions.Default.HighBandFillDbfs,
        "none" => null,
        var level => double.Parse(level, CultureInfo.InvariantCulture),
    },
    LanguageModelSecondPass = args.Contains("--second-pass"),
    DecoderArguments = Text(args, "--decoder") is { } decoder ? decoder.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
};
