using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Engine;

/// <summary>Log messages of the engine's recordings and answering-machine detection; event IDs 3050–3069.</summary>
internal static partial class MediaFeatureLog
{
    [LoggerMessage(3050, LogLevel.Information, "Call {CallSid}: recording {RecordingSid} stored ({Reason}, {Seconds} s)")]
    public static partial void RecordingStored(ILogger logger, string callSid, string recordingSid, string reason, double seconds);

    [LoggerMessage(3051, LogLevel.Error, "Call {CallSid}: recording {RecordingSid} could not be stored")]
    public static partial void RecordingNotStored(ILogger logger, Exception exception, string callSid, string recordingSid);

    [LoggerMessage(3052, LogLevel.Warning, "Call {CallSid}: recording could not start: {Error}")]
    public static partial void RecordingNotStarted(ILogger logger, string callSid, string error);

    [LoggerMessage(3053, LogLevel.Warning, "Call {CallSid}: the action hook of a recording ended by hang-up failed: {Error}")]
    public static partial void RecordingHookFailed(ILogger logger, string callSid, string error);

    [LoggerMessage(3054, LogLevel.Information, "Call {CallSid}: answering-machine detection reports {Kind} ({Reason}) at {Seconds} s")]
    public static partial void AmdDetected(ILogger logger, string callSid, string kind, string reason, double seconds);

    [LoggerMessage(3055, LogLevel.Warning, "Call {CallSid}: the answering-machine hook failed: {Error}")]
    public static partial void AmdHookFailed(ILogger logger, string callSid, string error);

    [LoggerMessage(3056, LogLevel.Warning, "Call {CallSid}: answering-machine detection could not start: {Error}")]
    public static partial void AmdNotStarted(ILogger logger, string callSid, string error);

    [LoggerMessage(3058, LogLevel.Information, "Call {CallSid}: the application asks its recording to {Action}")]
    public static partial void RecordingControlled(ILogger logger, string callSid, Verbs.CallRecordingAction action);

    [LoggerMessage(3066, LogLevel.Warning, "Call {CallSid}: the answering machine's greeting was not recognised: {Error}")]
    public static partial void AmdGreetingNotRecognized(ILogger logger, string callSid, string error);
}
