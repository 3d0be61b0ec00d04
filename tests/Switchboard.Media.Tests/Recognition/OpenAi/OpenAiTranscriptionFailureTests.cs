using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.Net;
using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.OpenAi;
using Switchboard.Testing.Http;
using static Switchboard.Media.Tests.Recognition.OpenAi.TranscriptionFixture;

namespace Switchboard.Media.Tests.Recognition.OpenAi;

/// <summary>Every way a transcription can fail ends in a <see cref="SpeechRecognitionException"/> that says why.</summary>
public sealed class OpenAiTranscriptionFailureTests
{
    [Theory]
    [InlineData(401, "the key was refused (HTTP 401)", "Incorrect API key provided: sk-test***-key.")]
    [InlineData(403, "the key was refused (HTTP 403)", "Project does not have access to model whisper-1")]
    [InlineData(429, "too many requests or the quota is used up (HTTP 429)", "You exceeded your current quota.")]
    [InlineData(500, "the service failed (HTTP 500 Internal Server Error)", "The server had an error while processing your request.")]
    [InlineData(400, "HTTP 400 Bad Request", "Invalid file format.")]
    [InlineData(404, "HTTP 404: no transcription endpoint at this base URL", "Not Found")]
    public async Task AnErrorStatus_NamesTheEngine_TheStatus_AndOpenAisMessage(int status, string cause, string message)
    {
        var body = $$$"""{"error": {"message": "{{{message}}}", "type": "invalid_request_error", "param": null, "code": null}}""";
        await using var server = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Json(status, body));
        using var http = Http();

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal($"openai transcription failed: {cause}: {message}", failure.Message);
    }

    [Theory]
    [InlineData("""{"error": "failed to read WAV file"}""", "application/json", ": failed to read WAV file")]
    [InlineData("""{"detail": "Model 'nope' is not installed"}""", "application/json", ": Model 'nope' is not installed")]
    [InlineData("upstream connect error", "text/plain", ": upstream connect error")]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html", "")]
    public async Task TheReason_IsFoundInTheShapesSelfHostedServersGiveIt(string body, string contentType, string shown)
    {
        await using var server = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Text(503, body, contentType));
        using var http = Http();

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal($"openai transcription failed: the service failed (HTTP 503 Service Unavailable){shown}", failure.Message);
    }

    [Fact]
    public async Task ALongReason_IsCut_AndARetryAfterIsShown()
    {
        var answer = ScriptedHttpAnswer.Json(429, $$$"""{"error": {"message": "{{{new string('x', 5000)}}}"}}""") with { Headers = ["Retry-After: 20"] };
        await using var server = ScriptedHttpServer.Answering(answer);
        using var http = Http();

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.StartsWith("openai transcription failed: too many requests or the quota is used up (HTTP 429, retry after 20 s): xxx", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith(new string('x', 200) + "…", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Talk to sales", "text/plain")]
    [InlineData("""{"text": 42}""", "application/json")]
    [InlineData("""["yes"]""", "application/json")]
    [InlineData("""{"text": "yes" """, "application/json")]
    public async Task ASuccessThatIsNotAJsonText_IsAFailure(string body, string contentType)
    {
        await using var server = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Text(200, body, contentType));
        using var http = Http();

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.StartsWith($"openai transcription failed: the answer is not a JSON object with a text ({contentType}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerPastTheLimit_IsAFailure_WithoutReadingItAll()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript(new string('a', 2 * 1024 * 1024)));
        using var http = Http();

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal("openai transcription failed: the answer exceeds the 1048576-byte limit", failure.Message);
    }

    [Fact]
    public async Task AServerThatNeverAnswers_FailsAtTheTimeout_OnTheInjectedClock()
    {
        await using var server = ScriptedHttpServer.Hanging();
        using var http = Http();
        var time = new ManualTimeProvider();
        var recognition = Recognizer(http, server, o => o with { Timeout = TimeSpan.FromSeconds(10) }, time).RecognizeAsync(Utterance, English, CancellationToken.None);
        await server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(100);
        Assert.False(recognition.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => recognition.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("openai transcription failed: no answer within 10 s", failure.Message);
    }

    [Fact]
    public async Task AServerThatNeverAnswers_FailsAtTheTimeout_InRealTime()
    {
        await using var server = ScriptedHttpServer.Hanging();
        using var http = Http();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(
            () => Recognizer(http, server, o => o with { Timeout = TimeSpan.FromMilliseconds(300) }).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal("openai transcription failed: no answer within 0.3 s", failure.Message);
        Assert.InRange(clock.ElapsedMilliseconds, 280, 5000);
    }

    [Fact]
    public async Task TheCallersCancellation_IsAnOperationCanceledException_NotAFailure()
    {
        await using var server = ScriptedHttpServer.Hanging();
        using var http = Http();
        using var hangUp = new CancellationTokenSource();
        var recognition = Recognizer(http, server).RecognizeAsync(Utterance, English, hangUp.Token);
        await server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));

        await hangUp.CancelAsync();

        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition);
        Assert.Equal(hangUp.Token, canceled.CancellationToken);
    }

    [Fact]
    public async Task AnAlreadyCanceledRecognition_SendsNothing()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("yes"));
        using var http = Http();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, new CancellationToken(canceled: true)));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task ARefusedConnection_IsAFailure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = Http();
        var options = new OpenAiTranscriptionOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}") };
        var recognizer = new OpenAiTranscriptionRecognizer(http, options, TimeProvider.System, NullLogger<OpenAiTranscriptionRecognizer>.Instance);

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => recognizer.RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal("openai transcription failed: the connection was refused", failure.Message);
    }

    [Fact]
    public async Task APrivateAddress_IsRefusedByTheFilter_WhenPrivateAddressesAreNotAllowed()
    {
        await using var server = ScriptedHttpServer.Answering(Transcript("yes"));
        using var http = Http(allowPrivate: false);

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal("openai transcription failed: the address is not allowed: 127.0.0.1 leads to a loopback address, which is not allowed", failure.Message);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task ARedirectToAPrivateAddress_IsRefusedByTheFilter()
    {
        await using var server = ScriptedHttpServer.Answering(new ScriptedHttpAnswer(307, []) { Headers = ["Location: http://10.20.30.40/v1/audio/transcriptions"] });
        var filter = new PublicAddressFilter(allowPrivate: false);
        var sockets = filter.CreateHandler();

        // The test server itself is on loopback: let that one connection through, and the filter judge every other.
        var judged = sockets.ConnectCallback!;
        sockets.ConnectCallback = (context, token) => context.DnsEndPoint.Port == server.Port
            ? new PublicAddressFilter(allowPrivate: true).ConnectAsync(context, token)
            : judged(context, token);
        using var http = new HttpClient(new ConnectionReuseHandler(sockets));

        var failure = await Assert.ThrowsAsync<SpeechRecognitionException>(() => Recognizer(http, server).RecognizeAsync(Utterance, English, CancellationToken.None));

        Assert.Equal("openai transcription failed: the address is not allowed: 10.20.30.40 leads to a private address, which is not allowed", failure.Message);
        Assert.Single(server.Received);
    }
}
