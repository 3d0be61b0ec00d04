using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Audio;

/// <summary>The outcome of <see cref="AudioFetcher.FetchAsync"/>: an 8 kHz clip, or a typed failure.</summary>
public sealed record AudioFetchResult
{
    private AudioFetchResult(AudioClip? clip, AudioFetchError error, int? statusCode, string? detail, bool fromCache)
    {
        Clip = clip;
        Error = error;
        StatusCode = statusCode;
        Detail = detail;
        FromCache = fromCache;
    }

    /// <summary>The audio, on success.</summary>
    public AudioClip? Clip { get; }

    /// <summary><see cref="AudioFetchError.None"/> on success.</summary>
    public AudioFetchError Error { get; }

    /// <summary>The HTTP status of a failed response, if there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>A human-readable explanation of the failure, for logs and API errors.</summary>
    public string? Detail { get; }

    /// <summary>The clip came from the cache (fresh, or revalidated with a 304).</summary>
    public bool FromCache { get; }

    [MemberNotNullWhen(true, nameof(Clip))]
    public bool Succeeded => Clip is not null;

    public static AudioFetchResult Success(AudioClip clip, bool fromCache) => new(clip, AudioFetchError.None, null, null, fromCache);

    public static AudioFetchResult Failure(AudioFetchError error, string detail, int? statusCode = null) =>
        new(null, error, statusCode, detail, false);
}
