namespace Switchboard.Media.Audio;

/// <summary>Limits and caching of <see cref="AudioFetcher"/>.</summary>
public sealed record AudioFetcherOptions
{
    /// <summary>The largest response body accepted (16 MiB: a minute and a half of CD-quality stereo WAV).</summary>
    public long MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How long one fetch may take, headers and body together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Decoded audio kept in memory, in bytes (64 MiB is about 70 minutes of 8 kHz audio).</summary>
    public long CacheMaxBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Clips kept in memory.</summary>
    public int CacheMaxEntries { get; init; } = 512;

    /// <summary>
    /// How long a clip is used without asking the server again when the response gave no <c>max-age</c> or
    /// <c>Expires</c>; after that it is revalidated with its ETag or Last-Modified, or fetched again.
    /// </summary>
    public TimeSpan DefaultTimeToLive { get; init; } = TimeSpan.FromMinutes(5);
}
