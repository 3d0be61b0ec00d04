using Switchboard.SpeechBench;

// Speech recognition bench: makes a fixed telephone-audio corpus and scores recognizer output against it.
//   corpus [DIR]                          speak the phrase set with espeak-ng and pass it through 8 kHz G.711 µ-law
//   fill DIR LEVEL_DBFS                   add a noise floor above 4 kHz to wav16k/ (see HighBandFill)
//   pocketsphinx DIR WAVDIR MODE HYPFILE [DECODER OPTIONS...]
//                                         recognise in process; MODE lm (no hints) | grammar | per-question
//   pocketsphinx-pool DIR N               memory of N decoders holding the per-question grammars
//   score DIR HYPFILE [LABEL] [--errors]  exact-phrase accuracy and WER, overall and per kind of utterance
// See docs/speech-engines.md for the recognizer commands that produce HYPFILE.
var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "corpus":
        new CorpusWriter(args.Length > 1 ? args[1] : "speech-corpus").Write();
        return 0;
    case "fill" when args.Length >= 3:
        HighBandFill.Write(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "pocketsphinx" when args.Length >= 5:
        return PocketSphinxRunner.Run(args[1], args[2], args[3], args[4], args[5..]);
    case "pocketsphinx-pool" when args.Length >= 3:
        return PocketSphinxRunner.Pool(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    case "score" when args.Length >= 3:
        var label = args.Length > 3 && !args[3].StartsWith("--", StringComparison.Ordinal) ? args[3] : Path.GetFileName(args[2]);
        var errors = args.Contains("--errors") ? Console.Error : null;
        Console.Write(Scorer.Report(args[1], args[2], label, errors));
        return 0;
    default:
        Console.Error.WriteLine("usage: corpus [DIR] | fill CORPUS_DIR LEVEL_DBFS | pocketsphinx CORPUS_DIR WAVDIR lm|grammar|per-question HYP_FILE [OPTIONS] | pocketsphinx-pool CORPUS_DIR N | score CORPUS_DIR HYP_FILE [LABEL] [--errors]");
        return 2;
}
