using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.SpeechBench;

sealed record Reference(string Id, PhraseKind Kind, string Voice, string Gender, double Seconds, string Text);

/// <summary>
/// Scores a recognizer's output against the corpus transcripts: exact-phrase accuracy and word error rate
/// (substitutions + deletions + insertions over reference words), overall and per kind of utterance.
/// </summary>
static partial class Scorer
{
    public static IReadOnlyList<Reference> ReadTranscripts(string corpusDir) =>
        File.ReadAllLines(Path.Combine(corpusDir, "transcripts.tsv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(f => new Reference(f[0], Enum.Parse<PhraseKind>(f[1]), f[2], f[3], double.Parse(f[4], CultureInfo.InvariantCulture), f[5]))
            .ToList();

    /// <summary>
    /// Reads "id&lt;TAB&gt;text" lines, or pocketsphinx_batch's "text (id score)" lines. An utterance missing from
    /// the file counts as recognised as nothing, unless its whole subset is missing: then the run did not try it.
    /// </summary>
    public static Dictionary<string, string> ReadHypotheses(string path)
    {
        var result = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0)
            {
                result[line[..tab]] = line[(tab + 1)..];
                continue;
            }

            var match = SphinxHypLine().Match(line);
            if (match.Success)
            {
                result[match.Groups["id"].Value] = match.Groups["text"].Value;
            }
        }

        return result;
    }

    public static string[] Normalise(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.ToLowerInvariant().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith('<') || raw.StartsWith('[') || raw.StartsWith("++", StringComparison.Ordinal))
            {
                continue; // <s>, <sil>, [noise], ++breath++: fillers, not words
            }

            var word = AlternatePronunciation().Replace(raw, "");
            word = new string(word.Where(c => char.IsLetterOrDigit(c) || c == '\'').ToArray());
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        return words.ToArray();
    }

    public static int EditDistance(string[] reference, string[] hypothesis)
    {
        var previous = new int[hypothesis.Length + 1];
        var current = new int[hypothesis.Length + 1];
        for (var j = 0; j <= hypothesis.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= reference.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= hypothesis.Length; j++)
            {
                var substitute = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Length];
    }

    public static string Report(string corpusDir, string hypPath, string label, TextWriter? errors)
    {
        var references = ReadTranscripts(corpusDir);
        var hypotheses = ReadHypotheses(hypPath);
        var rows = new (string Name, Func<Reference, bool> Take)[]
        {
            ("all synthesized", r => r.Kind != PhraseKind.Recorded),
            ("yes/no + menu + digits", r => r.Kind is PhraseKind.YesNo or PhraseKind.Menu or PhraseKind.Digits),
            ("  yes/no", r => r.Kind == PhraseKind.YesNo),
            ("  menu words", r => r.Kind == PhraseKind.Menu),
            ("  digits", r => r.Kind == PhraseKind.Digits),
            ("sentences", r => r.Kind == PhraseKind.Sentence),
            ("male voices", r => r.Gender == "male" && r.Kind != PhraseKind.Recorded),
            ("female voices", r => r.Gender == "female"),
            ("recorded speech (pocketsphinx-testdata)", r => r.Kind == PhraseKind.Recorded),
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{label}\n");
        text.Append("| subset | utterances | exact phrase | WER |\n| --- | ---: | ---: | ---: |\n");
        foreach (var (name, take) in rows)
        {
            int n = 0, exact = 0, refWords = 0, edits = 0;
            if (!references.Where(take).Any(r => hypotheses.ContainsKey(r.Id)))
            {
                continue; // a subset the run did not attempt at all (recorded passages in a per-question run)
            }

            foreach (var r in references.Where(take))
            {
                var want = Normalise(r.Text);
                var got = Normalise(hypotheses.GetValueOrDefault(r.Id, ""));
                var distance = EditDistance(want, got);
                n++;
                exact += distance == 0 ? 1 : 0;
                refWords += want.Length;
                edits += distance;
            }

            if (n > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {name} | {n} | {100.0 * exact / n:F1} % | {100.0 * edits / refWords:F1} % |\n");
            }
        }

        if (errors is not null)
        {
            foreach (var r in references)
            {
                var got = string.Join(' ', Normalise(hypotheses.GetValueOrDefault(r.Id, "")));
                if (got != string.Join(' ', Normalise(r.Text)))
                {
                    errors.WriteLine($"{r.Id} {r.Voice,-9} want \"{r.Text}\" got \"{got}\"");
                }
            }
        }

        var seconds = references.Sum(r => r.Seconds);
        text.Append(CultureInfo.InvariantCulture, $"audio: {seconds:F1} s in {references.Count} utterances\n");
        return text.ToString();
    }

    [GeneratedRegex(@"^(?<text>.*?)\s*\((?<id>[^\s()]+)(\s+-?\d+)?\)\s*$")]
    private static partial Regex SphinxHypLine();

    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex AlternatePronunciation();
}
