using Switchboard.Media.Audio;
using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.OpenAi;
using Switchboard.Testing.Http;
using static Switchboard.Media.Tests.Recognition.OpenAi.TranscriptionFixture;

namespace Switchboard.Media.Tests.Recognition.OpenAi;

/// <summary>What Switchboard sends to an OpenAI-compatible transcription server, as the server reads it off the wire.</summary>
public sealed class OpenAiTranscriptionRequestTests
{
    [Fact]
    public async Task AnUtterance_IsPostedToTheTranscriptionsPath_WithTheKeyAsABearerToken_InOneBody()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("yes"));
        using var http = Http();

        await Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None);

        var request = Assert.Single(server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/audio/transcriptions", request.Target);
        Assert.Equal("Bearer sk-test-key", request.Header("Authorization"));
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task WithoutAKey_NoAuthorizationIsSent(string? key)
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("yes"));
        using var http = Http();

        await Recognizer(http, server, o => o with { ApiKey = key }).RecognizeAsync(Utterance, English, CancellationToken.None);

        Assert.Null(Assert.Single(server.Received).Header("Authorization"));
    }

    [Fact]
    public async Task TheForm_CarriesTheModel_TheIso639Language_TheHintsAsPrompt_AndAsksForJson()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("sales"));
        using var http = Http();
        var request = English with { Hints = ["sales", " support ", "", "billing"] };

        await Recognizer(http, server).RecognizeAsync(Utterance, request, CancellationToken.None);

        var form = await ReceivedForm.ParseAsync(Assert.Single(server.Received));
        Assert.Equal(["file", "model", "language", "prompt", "response_format"], form.Names);
        Assert.Equal("whisper-1", form.Text("model"));
        Assert.Equal("en", form.Text("language"));
        Assert.Equal("sales, support, billing", form.Text("prompt"));
        Assert.Equal("json", form.Text("response_format"));
        Assert.Null(form["model"].ContentType);
    }

    [Fact]
    public async Task WithoutHints_NoPromptIsSent_AndTheRequestsModelWinsOverTheDefault()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("oui"));
        using var http = Http();

        await Recognizer(http, server, o => o with { Model = "Systran/faster-whisper-small" })
            .RecognizeAsync(Utterance, new RecognitionRequest("fr-CA") { Model = "large-v3" }, CancellationToken.None);

        var form = await ReceivedForm.ParseAsync(Assert.Single(server.Received));
        Assert.False(form.Has("prompt"));
        Assert.Equal("large-v3", form.Text("model"));
        Assert.Equal("fr", form.Text("language"));
    }

    [Fact]
    public async Task TheOptionsModel_IsSent_WhenTheRequestNamesNone()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("yes"));
        using var http = Http();

        await Recognizer(http, server, o => o with { Model = "Systran/faster-whisper-small" }).RecognizeAsync(Utterance, English, CancellationToken.None);

        Assert.Equal("Systran/faster-whisper-small", (await ReceivedForm.ParseAsync(Assert.Single(server.Received))).Text("model"));
    }

    [Fact]
    public async Task TheFilePart_IsAn8kHzMono16BitWav_WhoseSamplesAreTheUtterance()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("yes"));
        using var http = Http();

        await Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None);

        var file = (await ReceivedForm.ParseAsync(Assert.Single(server.Received)))["file"];
        Assert.Equal("utterance.wav", file.FileName);
        Assert.Equal("audio/wav", file.ContentType);
        Assert.True(file.Body.AsSpan().StartsWith("RIFF"u8));
        Assert.True(file.Body.AsSpan(8).StartsWith("WAVEfmt "u8));
        Assert.Equal(new WavFormat(WavEncoding.Pcm, 1, 8000, 16), WavFormat.Parse(file.Body.AsSpan(20, 16)));
        Assert.Equal(file.Body.Length - 8, BitConverter.ToInt32(file.Body, 4));
        var wav = WavReader.Read(file.Body);
        Assert.Equal(8000, wav.SampleRate);
        Assert.Equal(Utterance, wav.Samples);
    }

    [Theory]
    [InlineData("EN-gb", "en")]
    [InlineData("de", "de")]
    [InlineData("yue-HK", null)]
    [InlineData("und", null)]
    public async Task TheLanguage_IsTheTagsTwoLetterPrimarySubtag_OrLeftToTheEngine(string tag, string? sent)
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("hello"));
        using var http = Http();

        await Recognizer(http, server).RecognizeAsync(Utterance, new RecognitionRequest(tag), CancellationToken.None);

        var form = await ReceivedForm.ParseAsync(Assert.Single(server.Received));
        Assert.Equal(sent, form.Has("language") ? form.Text("language") : null);
    }

    [Theory]
    [InlineData("http://whisper.local:8000", "http://whisper.local:8000/v1/audio/transcriptions")]
    [InlineData("http://whisper.local:8000/", "http://whisper.local:8000/v1/audio/transcriptions")]
    [InlineData("http://whisper.local:8000/v1", "http://whisper.local:8000/v1/audio/transcriptions")]
    [InlineData("https://gateway.example/openai/v1/", "https://gateway.example/openai/v1/audio/transcriptions")]
    [InlineData("https://gateway.example/openai", "https://gateway.example/openai/v1/audio/transcriptions")]
    public void TheEndpoint_IsTheBaseUrlsV1Transcriptions_WithoutDoublingAV1(string baseUrl, string endpoint) =>
        Assert.Equal(new Uri(endpoint), OpenAiTranscriptionRecognizer.EndpointOf(new Uri(baseUrl)));
}
