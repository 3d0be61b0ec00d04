using Microsoft.Extensions.Logging;
using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>What the running verbs log: event ids in the engine's range (3000–3099, docs/logging.md).</summary>
internal static partial class StepLog
{
    [LoggerMessage(3002, LogLevel.Debug, "Call {CallSid}: key {Key} barges in")]
    public static partial void BargeIn(ILogger logger, string callSid, char key);

    [LoggerMessage(3003, LogLevel.Information, "Call {CallSid} gathered '{Digits}' ({Reason})")]
    public static partial void GatherEnded(ILogger logger, string callSid, string digits, GatherEndReason reason);

    [LoggerMessage(3005, LogLevel.Warning, "Call {CallSid}: the prompt's audio failed, skipping it: {Error}")]
    public static partial void PromptFailed(ILogger logger, string callSid, string error);

    [LoggerMessage(3011, LogLevel.Information, "Call {CallSid} is connected to its dial leg {LegSid}")]
    public static partial void DialConnected(ILogger logger, string callSid, string legSid);

    [LoggerMessage(3012, LogLevel.Warning, "Call {CallSid}: the dial target {Target} could not be placed: {Reason}")]
    public static partial void DialLegNotPlaced(ILogger logger, string callSid, string target, string reason);

    [LoggerMessage(3013, LogLevel.Information, "Call {CallSid}: the dial ended {Status} (leg {LegSid})")]
    public static partial void DialEnded(ILogger logger, string callSid, string status, string? legSid);

    [LoggerMessage(3015, LogLevel.Information, "Call {CallSid}: the dial's greeting plays to leg {LegSid} before it is connected")]
    public static partial void DialGreeting(ILogger logger, string callSid, string legSid);

    [LoggerMessage(3016, LogLevel.Warning, "Call {CallSid}: the result of a dial ended by hang-up could not be posted: {Error}")]
    public static partial void DialHookFailed(ILogger logger, string callSid, string error);

    [LoggerMessage(3017, LogLevel.Information, "Call {CallSid}: {Count} whispered prompt(s) play to {PartySid} while the dial is unbridged")]
    public static partial void DialWhisper(ILogger logger, string callSid, string partySid, int count);

    [LoggerMessage(3018, LogLevel.Information, "Call {CallSid}: the dial's leg {LegSid} leaves it to run an application of its own")]
    public static partial void DialChildRedirected(ILogger logger, string callSid, string legSid);

    [LoggerMessage(3044, LogLevel.Information, "Call {CallSid}: the peer asks to transfer the call to {ReferTo}")]
    public static partial void TransferAsked(ILogger logger, string callSid, string referTo);

    [LoggerMessage(3045, LogLevel.Information, "Call {CallSid}: the transfer the peer asked for was taken by the application: {Accepted}")]
    public static partial void TransferAnswered(ILogger logger, string callSid, bool accepted);

    [LoggerMessage(3019, LogLevel.Information, "Call {CallSid}: {PartySid} pressed the dial's key pattern {Pattern}")]
    public static partial void DialKeyPattern(ILogger logger, string callSid, string partySid, string pattern);

    [LoggerMessage(3020, LogLevel.Warning, "Call {CallSid}: the dial's dtmfHook could not be posted: {Error}")]
    public static partial void DialKeyPatternNotPosted(ILogger logger, string callSid, string error);

    [LoggerMessage(3040, LogLevel.Information, "Call {CallSid}: {Method} in the dialog was answered {SipStatus} {Reason}")]
    public static partial void InDialogAnswered(ILogger logger, string callSid, string method, int sipStatus, string reason);

    [LoggerMessage(3041, LogLevel.Information, "Call {CallSid}: the transfer's REFER was answered {SipStatus}; the referred call ended {FinalStatus}")]
    public static partial void TransferEnded(ILogger logger, string callSid, int sipStatus, int? finalStatus);

    [LoggerMessage(3042, LogLevel.Warning, "Call {CallSid}: no final report of the transfer came within {Seconds} s; the call goes on")]
    public static partial void TransferReportsTimedOut(ILogger logger, string callSid, double seconds);

    [LoggerMessage(3043, LogLevel.Warning, "Call {CallSid}: a transfer's report or result could not be posted: {Error}")]
    public static partial void TransferHookFailed(ILogger logger, string callSid, string error);
}
