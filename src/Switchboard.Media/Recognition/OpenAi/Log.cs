using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recognition.OpenAi;

/// <summary>OpenAI-compatible transcription log messages; event IDs 2700–2749.</summary>
internal static partial class Log
{
    [LoggerMessage(2700, LogLevel.Debug, "{Vendor} transcribed {Milliseconds} ms of audio in {Elapsed} ms: {Characters} characters")]
    public static partial void Transcribed(ILogger logger, string vendor, long milliseconds, long elapsed, int characters);

    [LoggerMessage(2701, LogLevel.Warning, "{Vendor} transcription at {Endpoint} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string vendor, Uri endpoint, string reason);
}
