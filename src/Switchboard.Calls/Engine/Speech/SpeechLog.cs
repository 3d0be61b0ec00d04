using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Engine.Speech;

/// <summary>What the calls' speech input logs: event ids 3250–3299 (docs/logging.md).</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(3250, LogLevel.Debug, "Call {CallSid}: the caller's speech barges in")]
    public static partial void SpeechBargeIn(ILogger logger, string callSid);

    [LoggerMessage(3251, LogLevel.Debug, "Call {CallSid}: an utterance of {Milliseconds} ms ended (cut at the longest utterance: {Cut}); recognising it")]
    public static partial void UtteranceHeard(ILogger logger, string callSid, int milliseconds, bool cut);

    [LoggerMessage(3252, LogLevel.Information, "Call {CallSid} gathered speech '{Transcript}' {Error}")]
    public static partial void GatherHeard(ILogger logger, string callSid, string? transcript, string? error);

    [LoggerMessage(3253, LogLevel.Information, "Call {CallSid} transcribed '{Transcript}'")]
    public static partial void Transcribed(ILogger logger, string callSid, string transcript);

    [LoggerMessage(3254, LogLevel.Warning, "Call {CallSid}: an utterance could not be transcribed: {Error}")]
    public static partial void TranscriptionFailed(ILogger logger, string callSid, string error);

    [LoggerMessage(3255, LogLevel.Warning, "Call {CallSid}: the transcription hook failed: {Error}")]
    public static partial void TranscriptNotPosted(ILogger logger, string callSid, string error);
}
