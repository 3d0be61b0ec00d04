using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.PocketSphinx;

namespace Switchboard.Media.Tests.Recognition.PocketSphinx;

public sealed class PocketSphinxRecognizerTests : IDisposable
{
    private static readonly string[] YesNo = ["yes", "no"];
    private static readonly string[] Menu = ["sales", "support", "billing", "operator", "main menu", "repeat"];
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private readonly PocketSphinxRecognizer _recognizer = new(PocketSphinxOptions.Default with { MaxDecoders = 2 }, NullLogger<PocketSphinxRecognizer>.Instance);

    [Fact]
    public async Task Yes_WithYesNoHints_IsHeardAsYes()
    {
        var result = await RecognizeAsync("yes", YesNo);

        Assert.Equal("yes", result.Transcript);
        Assert.Equal("en-US", result.Language);
        Assert.Equal(PocketSphinxRecognizer.UncalibratedConfidence, Assert.Single(result.Alternatives).Confidence);
    }

    [Fact]
    public async Task No_WithYesNoHints_IsHeardAsNo()
    {
        Assert.Equal("no", (await RecognizeAsync("no", YesNo)).Transcript);
    }

    [Fact]
    public async Task AMenuWord_WithTheMenuAsHints_IsHeardAsThatWord()
    {
        Assert.Equal("sales", (await RecognizeAsync("sales", Menu)).Transcript);
        Assert.Equal("main menu", (await RecognizeAsync("main menu", Menu)).Transcript);
    }

    [Fact]
    public async Task SpokenDigits_WithTheTenDigitsAsHints_AreHeardAsARunOfDigits()
    {
        var result = await RecognizeAsync("one two three", Digits);

        Assert.Equal("one two three", result.Transcript);
    }

    [Fact]
    public async Task ASimpleSentence_WithoutHints_IsHeardByTheLanguageModel()
    {
        var result = await RecognizeAsync("hello, how are you today", []);

        var words = result.Transcript.Split(' ');
        Assert.NotEmpty(words);
        Assert.True(words.Intersect(["hello", "how", "are", "you", "today"]).Any(), $"heard \"{result.Transcript}\"");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("EN-au")]
    public async Task AnyEnglish_IsAccepted(string language)
    {
        var audio = await PhoneLineSpeech.SayAsync("yes");

        var result = await _recognizer.RecognizeAsync(audio, new RecognitionRequest(language) { Hints = YesNo }, CancellationToken.None);

        Assert.Equal("yes", result.Transcript);
        Assert.Equal(language, result.Language);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr")]
    [InlineData("eng")]
    public async Task AnotherLanguage_IsRefused_NamingTheModel(string language)
    {
        var error = await Assert.ThrowsAsync<SpeechRecognitionException>(() =>
            _recognizer.RecognizeAsync(new short[8000], new RecognitionRequest(language), CancellationToken.None));

        Assert.StartsWith("pocketsphinx has only an English (US) model;", error.Message, StringComparison.Ordinal);
        Assert.Contains(language, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HintsTheDictionaryCannotPronounce_AreRefused_NamingTheWords()
    {
        var audio = await PhoneLineSpeech.SayAsync("yes");

        var error = await Assert.ThrowsAsync<SpeechRecognitionException>(() =>
            _recognizer.RecognizeAsync(audio, new RecognitionRequest("en-US") { Hints = ["zxqv", "qqxz"] }, CancellationToken.None));

        Assert.Contains("\"zxqv\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EightRecognitionsAtOnce_ShareAPoolOfTwo_AndAllHearTheirWords()
    {
        string[] said = ["yes", "no", "sales", "billing", "yes", "support", "no", "operator"];
        var audio = await Task.WhenAll(said.Select(text => PhoneLineSpeech.SayAsync(text)));

        var results = await Task.WhenAll(said.Select((text, i) =>
            _recognizer.RecognizeAsync(audio[i], new RecognitionRequest("en-US") { Hints = text is "yes" or "no" ? YesNo : Menu }, CancellationToken.None)));

        Assert.Equal(said, results.Select(r => r.Transcript));
        Assert.InRange(_recognizer.DecodersCreated, 1, 2);
    }

    [Fact]
    public async Task ADecoderHoldingOneGrammar_SwapsGrammarsAsTheHintsChange_AndHearsEachRight()
    {
        using var recognizer = new PocketSphinxRecognizer(PocketSphinxOptions.Default with { MaxDecoders = 1, GrammarsPerDecoder = 1 }, NullLogger<PocketSphinxRecognizer>.Instance);
        var yes = await PhoneLineSpeech.SayAsync("yes");
        var billing = await PhoneLineSpeech.SayAsync("billing");

        var heard = new List<string>();
        foreach (var (audio, hints) in new[] { (yes, YesNo), (billing, Menu), (yes, YesNo), (billing, Menu) })
        {
            heard.Add((await recognizer.RecognizeAsync(audio, new RecognitionRequest("en-US") { Hints = hints }, CancellationToken.None)).Transcript);
        }

        Assert.Equal(["yes", "billing", "yes", "billing"], heard);
        Assert.Equal(1, recognizer.DecodersCreated);
    }

    [Fact]
    public async Task AMissingModel_IsASpeechRecognitionException_WithTheInstallHint()
    {
        using var recognizer = new PocketSphinxRecognizer(PocketSphinxOptions.Default with { ModelDirectory = "/nonexistent/en-us" }, NullLogger<PocketSphinxRecognizer>.Instance);

        var error = await Assert.ThrowsAsync<SpeechRecognitionException>(() =>
            recognizer.RecognizeAsync(new short[8000], new RecognitionRequest("en-US") { Hints = YesNo }, CancellationToken.None));

        Assert.Contains("apt-get install libpocketsphinx3 pocketsphinx-en-us", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAudio_IsHeardAsNothing()
    {
        var result = await _recognizer.RecognizeAsync(ReadOnlyMemory<short>.Empty, new RecognitionRequest("en-US") { Hints = YesNo }, CancellationToken.None);

        Assert.Empty(result.Alternatives);
        Assert.Equal("", result.Transcript);
    }

    public void Dispose() => _recognizer.Dispose();

    private async Task<RecognitionResult> RecognizeAsync(string text, string[] hints)
    {
        var audio = await PhoneLineSpeech.SayAsync(text);
        return await _recognizer.RecognizeAsync(audio, new RecognitionRequest("en-US") { Hints = hints }, CancellationToken.None);
    }
}
