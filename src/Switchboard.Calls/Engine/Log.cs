using Microsoft.Extensions.Logging;
using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine;

/// <summary>Engine log messages; event IDs 3000–3099.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Call {CallSid} is {Status} (SIP {SipStatus}, {Reason})")]
    public static partial void StatusChanged(ILogger logger, string callSid, string status, int? sipStatus, string? reason);

    [LoggerMessage(3067, LogLevel.Information, "Call {CallSid} ({Direction}) runs: SIP Call-ID {SipCallId}, RTP port {RtpPort}")]
    public static partial void CallStarted(ILogger logger, string callSid, string direction, string? sipCallId, int? rtpPort);

    [LoggerMessage(3001, LogLevel.Debug, "Call {CallSid} runs verb {Verb}")]
    public static partial void VerbStarted(ILogger logger, string callSid, string verb);

    [LoggerMessage(3004, LogLevel.Warning, "Call {CallSid}: the script source failed: {Error}")]
    public static partial void ScriptFailed(ILogger logger, string callSid, string error);

    [LoggerMessage(3006, LogLevel.Error, "Call {CallSid} failed inside the engine")]
    public static partial void CallCrashed(ILogger logger, Exception exception, string callSid);

    [LoggerMessage(3007, LogLevel.Warning, "Call {CallSid}: the SIP hang-up did not complete")]
    public static partial void HangupFailed(ILogger logger, Exception exception, string callSid);

    [LoggerMessage(3008, LogLevel.Warning, "Call {CallSid}: the callee's SDP answer is unusable: {Reason}")]
    public static partial void AnswerUnusable(ILogger logger, string callSid, string reason);

    [LoggerMessage(3009, LogLevel.Information, "Inbound call {SipCallId} to {DialledNumber} from {Source} refused with {SipStatus}: {Reason}")]
    public static partial void InboundRefused(ILogger logger, string sipCallId, string? dialledNumber, System.Net.IPEndPoint source, int sipStatus, string reason);

    [LoggerMessage(3010, LogLevel.Error, "Inbound call {SipCallId} could not be routed")]
    public static partial void InboundFailed(ILogger logger, Exception exception, string sipCallId);

    [LoggerMessage(3057, LogLevel.Warning, "Call {CallSid}: {Subject} was skipped: {Reason}")]
    public static partial void VerbNotRun(ILogger logger, string callSid, string subject, string reason);

    [LoggerMessage(3014, LogLevel.Warning, "Call {CallSid}: {Running} piece(s) of its work had not ended {Seconds} s after its final status; the call is released without them")]
    public static partial void WorkAbandoned(ILogger logger, string callSid, int running, double seconds);
}
