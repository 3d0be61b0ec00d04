using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Codecs;
using Switchboard.Foundation.Net;

namespace Switchboard.Media.Audio;

/// <summary>
/// Audio for <c>play</c> verbs from http(s) URLs: fetched through an injected <see cref="HttpClient"/> under a
/// size cap and a timeout, decoded to an 8 kHz <see cref="AudioClip"/>, and cached by URL in a bounded LRU.
/// Freshness follows RFC 9111: <c>max-age</c> or <c>Expires</c> when given, else
/// <see cref="AudioFetcherOptions.DefaultTimeToLive"/>; a stale clip with an ETag or Last-Modified is
/// revalidated with a conditional GET (a 304 keeps it), and <c>no-store</c> responses are not kept.
/// Concurrent requests for one URL share one fetch. Failures are results; only the caller's own cancellation throws.
/// Give it an <see cref="HttpClient"/> over <see cref="PublicAddressFilter.CreateHandler"/> so that script-given
/// URLs cannot reach the server's own network, wrapped in a <see cref="ConnectionReuseHandler"/> so that a fetch
/// never goes out on a connection an HTTP/1.0 or <c>Connection: close</c> answer ended.
/// </summary>
public sealed class AudioFetcher
{
    private const int ReadChunk = 81920;

    /// <summary>Content-Length sizes the buffer up to this; beyond, it grows as bytes really arrive.</summary>
    private const int MaxInitialBuffer = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly AudioFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AudioFetcher> _logger;
    private readonly AudioCache _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<AudioFetchResult>>> _inFlight = new(StringComparer.Ordinal);
    private long _requests;

    public AudioFetcher(HttpClient http, AudioFetcherOptions options, TimeProvider time, ILogger<AudioFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _cache = new AudioCache(options.CacheMaxBytes, options.CacheMaxEntries);
    }

    /// <summary>HTTP requests sent so far (cache hits send none).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Clips in the cache.</summary>
    public int CachedClips => _cache.Count;

    /// <summary>Bytes of decoded audio in the cache.</summary>
    public long CachedBytes => _cache.Bytes;

    /// <summary>The clip at <paramref name="url"/>, from the cache when fresh.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="cancellationToken">Stops this caller's wait; a fetch shared with others runs on to its own timeout.</param>
    public async ValueTask<AudioFetchResult> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return AudioFetchResult.Failure(AudioFetchError.InvalidUrl, "not an absolute http or https URL");
        }

        var key = uri.AbsoluteUri;
        if (_cache.TryGet(key) is { } cached && _time.GetUtcNow() < cached.ExpiresAt)
        {
            return AudioFetchResult.Success(cached.Clip, fromCache: true);
        }

        var shared = _inFlight.GetOrAdd(key, k => new Lazy<Task<AudioFetchResult>>(() => FetchSharedAsync(uri, k)));
        return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AudioFetchResult> FetchSharedAsync(Uri uri, string key)
    {
        try
        {
            var result = await FetchFromServerAsync(uri, key).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                Log.FetchFailed(_logger, uri.GetLeftPart(UriPartial.Path), result.Error, result.Detail);
            }

            return result;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<AudioFetchResult> FetchFromServerAsync(Uri uri, string key)
    {
        var stale = _cache.TryGet(key);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (stale?.ETag is { } etag)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        if (stale?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        try
        {
            Interlocked.Increment(ref _requests);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified && stale is not null)
            {
                _cache.Store(key, stale with { ExpiresAt = ExpiresAt(response) });
                Log.NotModified(_logger, uri.GetLeftPart(UriPartial.Path));
                return AudioFetchResult.Success(stale.Clip, fromCache: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                return response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone
                    ? AudioFetchResult.Failure(AudioFetchError.NotFound, $"HTTP {status}", status)
                    : AudioFetchResult.Failure(AudioFetchError.HttpError, $"HTTP {status} {response.ReasonPhrase}", status);
            }

            if (response.Content.Headers.ContentLength > _options.MaxBytes)
            {
                return TooLarge(response.Content.Headers.ContentLength.Value);
            }

            var body = await ReadBoundedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                return TooLarge(null);
            }

            AudioClip clip;
            try
            {
                clip = Decode(body, response.Content.Headers.ContentType?.MediaType);
            }
            catch (AudioFormatException exception)
            {
                var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
                return AudioFetchResult.Failure(AudioFetchError.NotAudio, $"{type}: {exception.Message}");
            }

            if (response.Headers.CacheControl?.NoStore == true)
            {
                _cache.Remove(key);
            }
            else
            {
                _cache.Store(key, new CachedAudio(clip, response.Headers.ETag, response.Content.Headers.LastModified, ExpiresAt(response)));
            }

            Log.Fetched(_logger, uri.GetLeftPart(UriPartial.Path), body.Length, clip.Samples.Length);
            return AudioFetchResult.Success(clip, fromCache: false);
        }
        catch (OperationCanceledException)
        {
            // Only our own timeout (or HttpClient.Timeout) can cancel: callers' tokens never reach a shared fetch.
            return AudioFetchResult.Failure(AudioFetchError.Timeout, $"no complete response within {_options.Timeout.TotalSeconds} s");
        }
        catch (HttpRequestException exception) when (exception.InnerException is RefusedAddressException refused)
        {
            return AudioFetchResult.Failure(AudioFetchError.RefusedAddress, refused.Message);
        }
        catch (HttpRequestException exception)
        {
            return AudioFetchResult.Failure(AudioFetchError.Unreachable, exception.Message);
        }
    }

    /// <summary>The body, or null once it passes the cap (whatever Content-Length said, if anything).</summary>
    private async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream((int)Math.Min(Math.Min(content.Headers.ContentLength ?? ReadChunk, _options.MaxBytes), MaxInitialBuffer));
            var chunk = ArrayPool<byte>.Shared.Rent(ReadChunk);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ReadChunk), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _options.MaxBytes)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>WAV and MP3 by their first bytes; <c>audio/basic</c> is headerless 8 kHz µ-law (RFC 2046 §4.3).</summary>
    private static AudioClip Decode(byte[] body, string? mediaType)
    {
        if (string.Equals(mediaType, "audio/basic", StringComparison.OrdinalIgnoreCase) && !body.AsSpan().StartsWith("RIFF"u8))
        {
            var samples = new short[body.Length];
            MuLaw.Decode(body, samples);
            return new AudioClip(samples);
        }

        return AudioDecoder.Decode(body);
    }

    private DateTimeOffset ExpiresAt(HttpResponseMessage response)
    {
        var now = _time.GetUtcNow();
        var cacheControl = response.Headers.CacheControl;
        if (cacheControl is { NoCache: true })
        {
            return now;
        }

        if (cacheControl?.MaxAge is { } maxAge)
        {
            return now + maxAge;
        }

        return response.Content.Headers.Expires is { } expires && response.Headers.Date is { } date
            ? now + (expires - date)
            : now + _options.DefaultTimeToLive;
    }

    private AudioFetchResult TooLarge(long? length) =>
        AudioFetchResult.Failure(AudioFetchError.TooLarge, $"{(length is { } l ? $"{l} bytes" : "the body")} exceeds the {_options.MaxBytes}-byte limit");
}
