using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>What the background verbs log: event ids 3030–3039 of the engine's range (docs/logging.md).</summary>
internal static partial class BackgroundLog
{
    [LoggerMessage(3030, LogLevel.Information, "Call {CallSid}: barge-in listens in the background (digits: {Digits}, speech: {Speech}, sticky: {Sticky})")]
    public static partial void BargeInStarted(ILogger logger, string callSid, bool digits, bool speech, bool sticky);

    [LoggerMessage(3031, LogLevel.Information, "Call {CallSid}: background transcription to {Hook}")]
    public static partial void TranscriptionStarted(ILogger logger, string callSid, string hook);

    [LoggerMessage(3032, LogLevel.Debug, "Call {CallSid}: barge-in stops the prompt that plays")]
    public static partial void PromptInterrupted(ILogger logger, string callSid);

    [LoggerMessage(3033, LogLevel.Warning, "Call {CallSid}: config.amd is not started: {Reason}")]
    public static partial void AmdNotStarted(ILogger logger, string callSid, string reason);

    [LoggerMessage(3034, LogLevel.Information, "Call {CallSid}: background transcription paused")]
    public static partial void TranscriptionPaused(ILogger logger, string callSid);
}
