using Switchboard.Media.Recognition;
using Switchboard.Testing.Http;
using static Switchboard.Media.Tests.Recognition.OpenAi.TranscriptionFixture;

namespace Switchboard.Media.Tests.Recognition.OpenAi;

/// <summary>How a transcription server's successful answers become recognition results.</summary>
public sealed class OpenAiTranscriptionAnswerTests
{
    [Fact]
    public async Task AText_IsTheOneAlternative_Trimmed_WithFullConfidence_InTheRequestsLanguage()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("  Talk to sales, please.\\n"));
        using var http = Http();

        var result = await Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None);

        var alternative = Assert.Single(result.Alternatives);
        Assert.Equal("Talk to sales, please.", alternative.Transcript);
        Assert.Equal(1.0, alternative.Confidence);
        Assert.Equal("en-US", result.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnEmptyText_IsNoAlternative(string text)
    {
        await using var server = ScriptedHttpServer.Answering(Transcript(text));
        using var http = Http();

        var result = await Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None);

        Assert.Empty(result.Alternatives);
        Assert.Equal("", result.Transcript);
        Assert.Equal("en-US", result.Language);
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("en", "en-US")]
    [InlineData("english", "en-US")]
    [InlineData("", "en-US")]
    public async Task TheAnswersLanguage_IsTakenWhenItIsATag_AndKeepsTheRequestsRegionWhenItAgrees(string answered, string reported)
    {
        await using var server = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Json(200, $$"""{"text": "bonjour", "language": "{{answered}}", "duration": 1.0}"""));
        using var http = Http();

        var result = await Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None);

        Assert.Equal(reported, result.Language);
    }

    [Fact]
    public async Task OneRecognizer_ServesConcurrentRecognitions()
    {
        await using var server = ScriptedHttpServer.Start(request => Transcript($"answer {request.Body.Length}"));
        using var http = Http();
        var recognizer = Recognizer(http, server);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => recognizer.RecognizeAsync(Utterance.AsMemory(0, n * 800), English, CancellationToken.None)));

        Assert.Equal(8, server.Received.Count);
        Assert.Equal(8, results.Select(r => r.Transcript).Distinct().Count());
    }
}
