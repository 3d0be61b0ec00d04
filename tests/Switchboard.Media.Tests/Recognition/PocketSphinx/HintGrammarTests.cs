using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.PocketSphinx;

namespace Switchboard.Media.Tests.Recognition.PocketSphinx;

public sealed class HintGrammarTests
{
    private static readonly HashSet<string> Dictionary =
        ["yes", "no", "sales", "press", "main", "menu", "don't", "know", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    [Theory]
    [InlineData("Sales!", "sales")]
    [InlineData("  Main   Menu. ", "main menu")]
    [InlineData("Press 1", "press one")]
    [InlineData("120", "one two zero")]
    [InlineData("I don't know", "i don't know")]
    [InlineData("'yes'", "yes")]
    [InlineData("yes-no", "yes no")]
    public void AHint_IsSpelledAsTheDictionarySpellsIt(string hint, string words)
    {
        Assert.Equal(words, string.Join(' ', HintGrammar.Normalise(hint)));
    }

    [Fact]
    public void EachHint_IsOneAlternativeOfTheUtterance()
    {
        var grammar = HintGrammar.Build(["Yes", "no", "YES"], Dictionary.Contains);

        Assert.Equal(["yes", "no"], grammar.Phrases);
        Assert.False(grammar.DigitString);
        Assert.Equal("#JSGF V1.0;\ngrammar hints;\npublic <utterance> = yes | no;\n", grammar.Jsgf);
    }

    [Fact]
    public void APhraseWithAWordMissingFromTheDictionary_IsLeftOut_AndNamed()
    {
        var grammar = HintGrammar.Build(["sales", "zyxco sales"], Dictionary.Contains);

        Assert.Equal(["sales"], grammar.Phrases);
        Assert.Equal(["zyxco"], grammar.UnknownWords);
    }

    [Fact]
    public void HintsNoneOfWhichCanBePronounced_AreRefused()
    {
        var error = Assert.Throws<SpeechRecognitionException>(() => HintGrammar.Build(["zyxco", "qqq"], Dictionary.Contains));

        Assert.Contains("\"qqq\", \"zyxco\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllTenDigits_AskForAnyRunOfDigits_BesideTheOtherPhrases()
    {
        var grammar = HintGrammar.Build(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "main menu"], Dictionary.Contains);

        Assert.True(grammar.DigitString);
        Assert.Equal(["main menu"], grammar.Phrases);
        Assert.Contains("public <utterance> = main menu | <digit>+;", grammar.Jsgf, StringComparison.Ordinal);
    }

    [Fact]
    public void SomeDigits_AreOnlyThosePhrases()
    {
        var grammar = HintGrammar.Build(["1", "2", "3"], Dictionary.Contains);

        Assert.False(grammar.DigitString);
        Assert.Equal(["one", "two", "three"], grammar.Phrases);
    }

    [Fact]
    public void TheSameHints_HaveTheSameSearchName_AndOtherHintsAnother()
    {
        var first = HintGrammar.Build(["yes", "no"], Dictionary.Contains);
        var again = HintGrammar.Build(["Yes", "No!"], Dictionary.Contains);
        var other = HintGrammar.Build(["no", "yes"], Dictionary.Contains);

        Assert.Equal(first.Name, again.Name);
        Assert.NotEqual(first.Name, other.Name);
        Assert.Matches("^hints-[0-9a-f]{16}$", first.Name);
    }
}
