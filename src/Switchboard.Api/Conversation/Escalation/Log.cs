using Microsoft.Extensions.Logging;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>Escalation log messages; event IDs 6000–6049 (docs/logging.md).</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Resuming {Count} escalations a previous run left unfinished")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(6001, LogLevel.Warning, "Escalation {Sid}: attempt {Number} to {Recipient} could not be placed: {Reason}")]
    public static partial void AttemptNotPlaced(ILogger logger, string sid, int number, string recipient, string reason);

    [LoggerMessage(6002, LogLevel.Information, "Escalation {Sid} ended {Outcome}")]
    public static partial void Ended(ILogger logger, string sid, string outcome);

    [LoggerMessage(6003, LogLevel.Error, "Escalation {Sid} failed; it stays running and resumes at the next start")]
    public static partial void Crashed(ILogger logger, Exception exception, string sid);

    [LoggerMessage(6004, LogLevel.Error, "Escalation {Sid} cannot be resumed: its stored request no longer reads ({Reason})")]
    public static partial void NotResumable(ILogger logger, string sid, string reason);

    [LoggerMessage(6005, LogLevel.Warning, "Escalation {Sid}: attempt {Number} was cut by a restart; counted as failed")]
    public static partial void AttemptCut(ILogger logger, string sid, int number);
}
