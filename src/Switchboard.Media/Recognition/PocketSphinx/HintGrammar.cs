using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// The JSGF grammar (JSpeech Grammar Format, W3C note 2000-06-05) that one hint set becomes: the caller is heard
/// saying exactly one of the hinted phrases. Phrases are normalised to the dictionary's spelling: lower case,
/// each digit spoken as a word ("123" is "one two three", as callers read out numbers on the phone), anything
/// but letters and apostrophes a word break. A phrase with a word the pronunciation dictionary lacks is left
/// out, since the decoder cannot hear a word it cannot pronounce; the rest of the set still counts. Hints that
/// name all ten digits ask for a digit string: the grammar then takes any run of digits besides the other phrases.
/// </summary>
internal sealed class HintGrammar
{
    private static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private HintGrammar(string name, string jsgf, IReadOnlyList<string> phrases, bool digitString, IReadOnlyList<string> unknownWords)
    {
        Name = name;
        Jsgf = jsgf;
        Phrases = phrases;
        DigitString = digitString;
        UnknownWords = unknownWords;
    }

    /// <summary>The search name on a decoder: the same grammar text always has the same name.</summary>
    public string Name { get; }

    public string Jsgf { get; }

    /// <summary>The phrases the grammar holds, normalised, besides the digit run.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>True when the grammar takes any run of digits.</summary>
    public bool DigitString { get; }

    /// <summary>Words the dictionary lacks, whose phrases were left out.</summary>
    public IReadOnlyList<string> UnknownWords { get; }

    /// <exception cref="SpeechRecognitionException">No hint is left that the dictionary can pronounce.</exception>
    public static HintGrammar Build(IReadOnlyList<string> hints, Func<string, bool> isKnownWord)
    {
        var phrases = new List<string>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var hint in hints)
        {
            var words = Normalise(hint);
            var missing = words.Where(w => !isKnownWord(w)).ToList();
            unknown.UnionWith(missing);
            var phrase = string.Join(' ', words);
            if (words.Count > 0 && missing.Count == 0 && !phrases.Contains(phrase))
            {
                phrases.Add(phrase);
            }
        }

        var digitString = DigitWords.All(phrases.Contains);
        if (digitString)
        {
            phrases.RemoveAll(p => p.Split(' ').All(w => DigitWords.Contains(w)));
        }

        if (phrases.Count == 0 && !digitString)
        {
            throw new SpeechRecognitionException(
                $"pocketsphinx cannot hear any of the hints: its dictionary lacks {string.Join(", ", unknown.Select(w => '"' + w + '"'))}");
        }

        var jsgf = GrammarText(phrases, digitString);
        return new HintGrammar(NameOf(jsgf), jsgf, phrases, digitString, [.. unknown]);
    }

    /// <summary>A hint as the dictionary spells it: lower-case words, digits spoken one by one.</summary>
    public static List<string> Normalise(string hint)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in hint.ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                Flush(word, words);
                words.Add(DigitWords[c - '0']);
            }
            else if (char.IsLetter(c) || (c == '\'' && word.Length > 0))
            {
                word.Append(c);
            }
            else
            {
                Flush(word, words);
            }
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        var text = word.ToString().Trim('\'');
        if (text.Length > 0)
        {
            words.Add(text);
        }

        word.Clear();
    }

    private static string GrammarText(List<string> phrases, bool digitString)
    {
        var text = new StringBuilder("#JSGF V1.0;\ngrammar hints;\n");
        var alternatives = new List<string>(phrases);
        if (digitString)
        {
            text.Append("<digit> = ").AppendJoin(" | ", DigitWords).Append(";\n");
            alternatives.Add("<digit>+");
        }

        return text.Append("public <utterance> = ").AppendJoin(" | ", alternatives).Append(";\n").ToString();
    }

    private static string NameOf(string jsgf)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(jsgf), hash);
        return "hints-" + Convert.ToHexStringLower(hash[..8]);
    }
}
