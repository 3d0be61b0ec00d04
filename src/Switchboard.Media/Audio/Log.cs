using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Audio;

/// <summary>Audio fetch log messages; event IDs 2300–2399.</summary>
internal static partial class Log
{
    [LoggerMessage(2300, LogLevel.Debug, "Fetched {Url}: {Bytes} bytes, {Samples} samples at 8 kHz")]
    public static partial void Fetched(ILogger logger, string url, long bytes, int samples);

    [LoggerMessage(2301, LogLevel.Debug, "Revalidated {Url}: not modified")]
    public static partial void NotModified(ILogger logger, string url);

    [LoggerMessage(2302, LogLevel.Warning, "Could not fetch audio from {Url}: {Error} {Detail}")]
    public static partial void FetchFailed(ILogger logger, string url, AudioFetchError error, string? detail);
}
