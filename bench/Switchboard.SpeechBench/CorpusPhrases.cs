namespace Switchboard.SpeechBench;

/// <summary>What an utterance is, so results can be reported for the short IVR answers apart from free speech.</summary>
enum PhraseKind
{
    YesNo,
    Menu,
    Digits,
    Sentence,

    /// <summary>A real recording that a package ships, not synthesized; reported on its own.</summary>
    Recorded,
}

sealed record Phrase(string Text, PhraseKind Kind)
{
    /// <summary>The answers an IVR gathers: yes/no, menu words and digit strings.</summary>
    public bool IsCommand => Kind is PhraseKind.YesNo or PhraseKind.Menu or PhraseKind.Digits;
}

sealed record Voice(string Name, string Gender, int WordsPerMinute);

/// <summary>The fixed phrase set and voices of the corpus. Changing either changes every figure measured on it.</summary>
static class CorpusPhrases
{
    public static readonly IReadOnlyList<Phrase> All =
    [
        new("yes", PhraseKind.YesNo),
        new("no", PhraseKind.YesNo),
        new("yes please", PhraseKind.YesNo),
        new("no thank you", PhraseKind.YesNo),
        new("sales", PhraseKind.Menu),
        new("support", PhraseKind.Menu),
        new("billing", PhraseKind.Menu),
        new("operator", PhraseKind.Menu),
        new("agent", PhraseKind.Menu),
        new("main menu", PhraseKind.Menu),
        new("repeat", PhraseKind.Menu),
        new("technical support", PhraseKind.Menu),
        new("one two three", PhraseKind.Digits),
        new("four five six seven", PhraseKind.Digits),
        new("eight nine zero", PhraseKind.Digits),
        new("two", PhraseKind.Digits),
        new("six", PhraseKind.Digits),
        new("three one four one five", PhraseKind.Digits),
        new("i want to pay my bill", PhraseKind.Sentence),
        new("what is my account balance", PhraseKind.Sentence),
        new("please call me back tomorrow", PhraseKind.Sentence),
        new("i would like to speak to an agent", PhraseKind.Sentence),
        new("my order has not arrived yet", PhraseKind.Sentence),
        new("cancel my appointment", PhraseKind.Sentence),
        new("can you repeat that please", PhraseKind.Sentence),
        new("i need help with my internet connection", PhraseKind.Sentence),
    ];

    /// <summary>Two male and two female espeak-ng voices, American and British, at slightly different rates.</summary>
    public static readonly IReadOnlyList<Voice> Voices =
    [
        new("en-us", "male", 165),
        new("en-us+f3", "female", 160),
        new("en-gb+m3", "male", 170),
        new("en-gb+f4", "female", 150),
    ];

    /// <summary>Debian's pocketsphinx-testdata (BSD): read speech at 16 kHz, when the package is installed.</summary>
    public const string RecordedDir = "/usr/share/pocketsphinx/test/data";

    public static readonly IReadOnlyList<(string File, string Text)> Recorded =
    [
        ("goforward.raw", "go forward ten meters"),
        ("cards/001.wav", "ten of clubs"),
        ("cards/002.wav", "four queen of clubs"),
        ("cards/003.wav", "seven of clubs"),
        ("cards/004.wav", "five five"),
        ("cards/005.wav", "eight of spades four of clubs seven of hearts"),
        ("librivox/sense_and_sensibility_01_austen_64kb-0870.wav",
            "and mister john dashwood had then leisure to consider how much there might be prudently in his power to do for them"),
        ("librivox/sense_and_sensibility_01_austen_64kb-0880.wav", "he was not an ill disposed young man"),
        ("librivox/sense_and_sensibility_01_austen_64kb-0890.wav",
            "unless to be rather cold hearted and rather selfish is to be ill disposed"),
        ("librivox/sense_and_sensibility_01_austen_64kb-0920.wav",
            "had he married a more a amiable woman he might have been made still more respectable than he was"),
        ("librivox/sense_and_sensibility_01_austen_64kb-0930.wav", "he might even have been made amiable himself"),
    ];

    public static readonly IReadOnlyList<string> DigitWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
}
