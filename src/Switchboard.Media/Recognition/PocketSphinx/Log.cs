using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>pocketsphinx engine log messages; event IDs 2650–2699.</summary>
internal static partial class Log
{
    [LoggerMessage(2650, LogLevel.Information, "pocketsphinx decoder {Count} of at most {Max} created from {ModelDirectory}")]
    public static partial void DecoderCreated(ILogger logger, int count, int max, string modelDirectory);

    [LoggerMessage(2651, LogLevel.Error, "pocketsphinx is not usable: {Reason}")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(2652, LogLevel.Debug, "pocketsphinx heard \"{Transcript}\" in {AudioMs} ms of audio ({Search}), {DecodeMs} ms to decode")]
    public static partial void Recognized(ILogger logger, string transcript, double audioMs, string search, double decodeMs);

    [LoggerMessage(2653, LogLevel.Information, "pocketsphinx dropped hint words missing from its dictionary: {Words}")]
    public static partial void HintWordsDropped(ILogger logger, string words);

    [LoggerMessage(2654, LogLevel.Error, "A pocketsphinx decoder failed and was discarded")]
    public static partial void DecoderFailed(ILogger logger, Exception exception);
}
