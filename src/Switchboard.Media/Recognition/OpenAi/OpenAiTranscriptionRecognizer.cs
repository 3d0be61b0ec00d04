using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Foundation.Net;

namespace Switchboard.Media.Recognition.OpenAi;

/// <summary>
/// Recognition by an OpenAI-compatible transcription service: OpenAI's Whisper, or a self-hosted Whisper server
/// (faster-whisper-server, whisper.cpp's server, LocalAI). Each utterance, whole once Switchboard's endpointing
/// has ended it, is one <c>POST {BaseUrl}/v1/audio/transcriptions</c> (<see cref="TranscriptionForm"/>) with
/// the hints as Whisper's prompt; nothing is sent while the caller speaks. Whisper gives no confidence, so a
/// transcript is reported with confidence 1, and an empty one as no alternative.
/// <para>
/// One instance per credential; thread-safe. Give it an <see cref="HttpClient"/> built as the server builds
/// <c>AudioFetcher</c>'s: <c>new HttpClient(new ConnectionReuseHandler(publicAddressFilter.CreateHandler()))</c>,
/// so that a base URL an account gave (or a redirect from it) cannot reach the server's own network unless
/// private addresses are allowed (<see cref="PublicAddressFilter"/>), and so that a request never goes out on a
/// connection an HTTP/1.0 or <c>Connection: close</c> answer ended (<see cref="ConnectionReuseHandler"/>).
/// </para>
/// </summary>
public sealed class OpenAiTranscriptionRecognizer : ISpeechRecognizer
{
    private const int ReadChunk = 16 * 1024;

    private readonly HttpClient _http;
    private readonly OpenAiTranscriptionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenAiTranscriptionRecognizer> _logger;

    /// <exception cref="ArgumentException">The options are unusable: not an http(s) base URL, no model, no vendor, a timeout or answer limit not above zero.</exception>
    public OpenAiTranscriptionRecognizer(HttpClient http, OpenAiTranscriptionOptions options, TimeProvider time, ILogger<OpenAiTranscriptionRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("BaseUrl must be an absolute http or https URL", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Vendor, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxAnswerBytes, 0, nameof(options));
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        Endpoint = EndpointOf(baseUrl);
    }

    public string Vendor => _options.Vendor;

    /// <summary>Where the utterances are posted.</summary>
    public Uri Endpoint { get; }

    public async Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<short> utterance, RecognitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();

        // HttpClient's own timeout cannot run on an injected clock; this source can, and covers the body too.
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = TranscriptionForm.Create(utterance.Span, request, request.Model ?? _options.Model),
        };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength > _options.MaxAnswerBytes)
            {
                throw Failure($"the answer exceeds the {_options.MaxAnswerBytes}-byte limit", null);
            }

            var (body, complete) = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(StatusCause(response, body), null);
            }

            if (!complete)
            {
                throw Failure($"the answer exceeds the {_options.MaxAnswerBytes}-byte limit", null);
            }

            var answer = TranscriptionAnswer.Parse(body)
                ?? throw Failure($"the answer is not a JSON object with a text ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}, {body.Length} bytes)", null);
            var result = new RecognitionResult(LanguageOf(answer, request), answer.Text.Length > 0 ? [new RecognitionAlternative(answer.Text, 1.0)] : []);
            Log.Transcribed(_logger, Vendor, utterance.Length / (UtteranceWav.SampleRate / 1000), (long)_time.GetElapsedTime(started).TotalMilliseconds, answer.Text.Length);
            return result;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            // Our timeout, or HttpClient.Timeout should it be the shorter.
            throw Failure($"no answer within {_options.Timeout.TotalSeconds:0.###} s", exception);
        }
        catch (HttpRequestException exception) when (exception.InnerException is RefusedAddressException refused)
        {
            throw Failure($"the address is not allowed: {refused.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw Failure(Unreachable(exception), exception);
        }
        catch (IOException exception)
        {
            throw Failure($"the connection broke while reading the answer: {exception.Message}", exception);
        }
    }

    /// <summary><c>{BaseUrl}/v1/audio/transcriptions</c>, without doubling a <c>/v1</c> the base already ends in.</summary>
    internal static Uri EndpointOf(Uri baseUrl)
    {
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            path += "/v1";
        }

        return new UriBuilder(baseUrl) { Path = path + "/audio/transcriptions", Query = string.Empty, Fragment = string.Empty }.Uri;
    }

    /// <summary>
    /// The request's own tag unless the service says it heard another language: a server that detected
    /// <c>fr</c> for an <c>en-US</c> request is believed, one that echoes <c>en</c> keeps <c>en-US</c>. Names
    /// rather than tags (OpenAI's verbose_json says <c>english</c>) are not tags, and are ignored.
    /// </summary>
    private static string LanguageOf(TranscriptionAnswer answer, RecognitionRequest request)
    {
        var tag = answer.Language;
        if (tag is null || (tag.Length != 2 && (tag.Length < 4 || tag[2] != '-')) || TranscriptionForm.Iso639Language(tag) is not { } heard)
        {
            return request.Language;
        }

        return string.Equals(heard, TranscriptionForm.Iso639Language(request.Language), StringComparison.Ordinal) ? request.Language : tag;
    }

    private static string StatusCause(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var what = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"the key was refused (HTTP {status})",
            HttpStatusCode.TooManyRequests => $"too many requests or the quota is used up (HTTP 429{RetryAfter(response)})",
            HttpStatusCode.NotFound => "HTTP 404: no transcription endpoint at this base URL",
            _ when status >= 500 => $"the service failed (HTTP {status} {response.ReasonPhrase})",
            _ => $"HTTP {status} {response.ReasonPhrase}",
        };
        return TranscriptionAnswer.ErrorReason(body, response.Content.Headers.ContentType?.MediaType) is { } reason ? $"{what}: {reason}" : what;
    }

    private static string RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delay ? $", retry after {delay.TotalSeconds:0} s" : string.Empty;

    private static string Unreachable(HttpRequestException exception) =>
        exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
            ? "the connection was refused"
            : $"the service is unreachable: {exception.Message}";

    private SpeechRecognitionException Failure(string cause, Exception? inner)
    {
        Log.Failed(_logger, Vendor, Endpoint, cause);
        var message = $"{Vendor} transcription failed: {cause}";
        return inner is null ? new SpeechRecognitionException(message) : new SpeechRecognitionException(message, inner);
    }

    /// <summary>The body up to <see cref="OpenAiTranscriptionOptions.MaxAnswerBytes"/>, and whether that was all of it.</summary>
    private async Task<(byte[] Body, bool Complete)> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = _options.MaxAnswerBytes;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream((int)Math.Clamp(content.Headers.ContentLength ?? ReadChunk, 0, Math.Min(limit, ReadChunk * 4)));
            var chunk = ArrayPool<byte>.Shared.Rent(ReadChunk);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ReadChunk), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var room = limit - (int)buffer.Length;
                    buffer.Write(chunk, 0, Math.Min(read, room));
                    if (read > room)
                    {
                        return (buffer.ToArray(), false);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return (buffer.ToArray(), true);
        }
    }
}
