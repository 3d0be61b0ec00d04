using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Speech;

/// <summary>Speech synthesis log messages; event IDs 2200–2299.</summary>
internal static partial class Log
{
    [LoggerMessage(2200, LogLevel.Debug, "Synthesized {Samples} samples with voice {Voice} in {ElapsedMs} ms")]
    public static partial void Synthesized(ILogger logger, int samples, string voice, long elapsedMs);

    [LoggerMessage(2201, LogLevel.Warning, "Could not read or write the prompt cache file {Path}")]
    public static partial void CacheFileFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(2202, LogLevel.Warning, "espeak-ng has no voice for language {Language}; speaking with {Voice}")]
    public static partial void LanguageFallback(ILogger logger, string language, string voice);
}
