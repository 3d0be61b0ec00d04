using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>What media streams log: event ids 3300–3349 (docs/logging.md).</summary>
internal static partial class StreamLog
{
    [LoggerMessage(3300, LogLevel.Information, "Call {CallSid}: media stream connected to {Url} ({WireFormat})")]
    public static partial void Connected(ILogger logger, string callSid, string url, string wireFormat);

    [LoggerMessage(3301, LogLevel.Information, "Call {CallSid}: media stream ended ({Reason}); caller frames dropped {DroppedFrames}, agent samples dropped {DroppedSamples}")]
    public static partial void Ended(ILogger logger, string callSid, string reason, long droppedFrames, long droppedSamples);

    [LoggerMessage(3302, LogLevel.Warning, "Call {CallSid}: media stream to {Url} ended: {Reason} {Error}")]
    public static partial void Failed(ILogger logger, string callSid, string url, string reason, string? error);

    [LoggerMessage(3303, LogLevel.Warning, "Call {CallSid}: the listen result could not be posted: {Error}")]
    public static partial void HookFailed(ILogger logger, string callSid, string error);
}
