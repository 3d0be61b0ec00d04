using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.Net;
using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.OpenAi;
using Switchboard.Testing.Http;

namespace Switchboard.Media.Tests.Recognition.OpenAi;

/// <summary>Recognizers over the HTTP stack the server gives them, pointed at a test server; and an utterance.</summary>
internal static class TranscriptionFixture
{
    public static readonly RecognitionRequest English = new("en-US");

    /// <summary>A second of a rising sweep: every sample differs from its neighbours, and some are negative.</summary>
    public static short[] Utterance { get; } = Enumerable.Range(0, 8000).Select(i => (short)(Math.Sin(i * (0.01 + (i * 0.00001))) * 12000)).ToArray();

    /// <summary>As the server builds it: the address filter (loopback allowed here) under the connection-reuse handler.</summary>
    public static HttpClient Http(bool allowPrivate = true) => new(new ConnectionReuseHandler(new PublicAddressFilter(allowPrivate).CreateHandler()));

    public static OpenAiTranscriptionRecognizer Recognizer(
        HttpClient http,
        ScriptedHttpServer server,
        Func<OpenAiTranscriptionOptions, OpenAiTranscriptionOptions>? configure = null,
        TimeProvider? time = null)
    {
        var options = new OpenAiTranscriptionOptions { BaseUrl = server.Url, ApiKey = "sk-test-key" };
        return new OpenAiTranscriptionRecognizer(http, configure is null ? options : configure(options), time ?? TimeProvider.System, NullLogger<OpenAiTranscriptionRecognizer>.Instance);
    }

    public static ScriptedHttpAnswer Transcript(string text) => ScriptedHttpAnswer.Json(200, $$"""{"text": "{{text}}"}""");
}
