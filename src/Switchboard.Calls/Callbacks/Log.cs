using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Callbacks;

/// <summary>Callback session log messages; event IDs 3200–3249.</summary>
internal static partial class Log
{
    [LoggerMessage(3200, LogLevel.Information, "Callback {SessionSid} is {State}")]
    public static partial void StateChanged(ILogger logger, string sessionSid, CallbackSessionState state);

    [LoggerMessage(3201, LogLevel.Information, "Callback {SessionSid} ended {State}: {Reason}")]
    public static partial void Ended(ILogger logger, string sessionSid, CallbackSessionState state, string? reason);

    [LoggerMessage(3202, LogLevel.Warning, "Callback {SessionSid}: {Leg} could not be placed: {Reason}")]
    public static partial void LegNotPlaced(ILogger logger, string sessionSid, string leg, string reason);

    [LoggerMessage(3203, LogLevel.Warning, "Callback {SessionSid}: a prompt's audio failed, going on without it: {Error}")]
    public static partial void PromptFailed(ILogger logger, string sessionSid, string error);

    [LoggerMessage(3204, LogLevel.Error, "Callback {SessionSid} failed inside the engine")]
    public static partial void Crashed(ILogger logger, Exception exception, string sessionSid);

    [LoggerMessage(3205, LogLevel.Warning, "Callback {SessionSid}: the legs could not be bridged: {Error}")]
    public static partial void BridgeFailed(ILogger logger, string sessionSid, string error);

    [LoggerMessage(3206, LogLevel.Warning, "Ended {Count} callback sessions a previous run left unfinished")]
    public static partial void SessionsRecovered(ILogger logger, int count);

    [LoggerMessage(3207, LogLevel.Warning, "Callback {SessionSid}: {Running} piece(s) of its work had not ended when it was released")]
    public static partial void WorkAbandoned(ILogger logger, string sessionSid, int running);
}
