using System.Text;

namespace Switchboard.SpeechBench;

/// <summary>
/// The hints an application would pass for this phrase set, in the forms the engines take: a plain phrase list
/// (Whisper prompt, sherpa-onnx hotwords), a JSGF grammar and a pocketsphinx keyphrase list. Digit strings are
/// hinted as "any run of digits", as a digit-collecting gather would, not as the exact strings spoken.
/// </summary>
static class HintFiles
{
    public static void Write(string outDir, int kwsExponentPerWord = 10)
    {
        var phrases = CorpusPhrases.All.Where(p => p.Kind != PhraseKind.Digits).Select(p => p.Text).ToList();
        File.WriteAllLines(Path.Combine(outDir, "hints.txt"), phrases.Concat(CorpusPhrases.DigitWords));

        var grammar = new StringBuilder("#JSGF V1.0;\ngrammar hints;\n");
        grammar.Append("<digit> = ").AppendJoin(" | ", CorpusPhrases.DigitWords).Append(";\n");
        grammar.Append("public <utterance> = <digit>+ | ").AppendJoin(" | ", phrases).Append(";\n");
        File.WriteAllText(Path.Combine(outDir, "hints.gram"), grammar.ToString());

        // What one gather would pass: the answers to the one question it asked. One grammar and one list of
        // utterance ids per kind, so a recognizer can be run question by question.
        foreach (var kind in new[] { PhraseKind.YesNo, PhraseKind.Menu, PhraseKind.Digits, PhraseKind.Sentence })
        {
            var name = kind.ToString().ToLowerInvariant();
            var own = CorpusPhrases.All.Where(p => p.Kind == kind).Select(p => p.Text).ToList();
            var rule = kind == PhraseKind.Digits ? "<digit>+" : string.Join(" | ", own);
            File.WriteAllText(Path.Combine(outDir, $"hints-{name}.gram"),
                $"#JSGF V1.0;\ngrammar {name};\n<digit> = {string.Join(" | ", CorpusPhrases.DigitWords)};\npublic <utterance> = {rule};\n");
            File.WriteAllLines(Path.Combine(outDir, $"hints-{name}.txt"), kind == PhraseKind.Digits ? CorpusPhrases.DigitWords : own);
        }

        // A keyphrase list: a longer phrase accumulates a lower score, so it needs a lower threshold to be
        // reported at all; the exponent per word is the one knob (--kws-exponent).
        var keywords = new StringBuilder();
        foreach (var phrase in phrases.Concat(CorpusPhrases.DigitWords))
        {
            var words = phrase.Split(' ').Length;
            keywords.Append(phrase).Append(" /1e-").Append(kwsExponentPerWord * words).Append("/\n");
        }

        File.WriteAllText(Path.Combine(outDir, "hints.kws"), keywords.ToString());
    }
}
