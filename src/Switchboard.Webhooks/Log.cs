using Microsoft.Extensions.Logging;

namespace Switchboard.Webhooks;

/// <summary>
/// Webhook delivery log messages; event IDs 7000–7099 (docs/logging.md). URLs are logged without query or user info.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "Webhook {Event} to {Url} failed (attempt {Attempt}: {Failure}); retrying in {Delay}")]
    public static partial void WebhookRetrying(ILogger logger, string @event, string url, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(7001, LogLevel.Warning, "Webhook {Event} of call {CallSid} to {Url} given up after {Attempt} attempts: {Failure}")]
    public static partial void WebhookGaveUp(ILogger logger, string @event, string callSid, string url, int attempt, string failure);

    [LoggerMessage(7002, LogLevel.Warning, "Webhook {Event} of call {CallSid} to {Url} refused with {Failure}; not retried")]
    public static partial void WebhookRefused(ILogger logger, string @event, string callSid, string url, string failure);

    [LoggerMessage(7003, LogLevel.Warning, "Webhook to {Url} has no account and goes unsigned")]
    public static partial void WebhookUnsigned(ILogger logger, string url);

    [LoggerMessage(7004, LogLevel.Error, "Webhook {Event} of call {CallSid} could not be stored; it is sent but would not survive a restart")]
    public static partial void WebhookNotStored(ILogger logger, Exception exception, string @event, string callSid);

    [LoggerMessage(7005, LogLevel.Error, "Webhook state of call {CallSid} could not be updated")]
    public static partial void WebhookStateNotStored(ILogger logger, Exception exception, string callSid);

    [LoggerMessage(7006, LogLevel.Warning, "Webhook {Event} to {Url} failed: {Failure}")]
    public static partial void AnswerTooLarge(ILogger logger, string @event, string url, string failure);

    [LoggerMessage(7007, LogLevel.Warning, "Webhook {Event} of call {CallSid}: its attempt could not be recorded for the call's timeline")]
    public static partial void WebhookAttemptNotRecorded(ILogger logger, Exception exception, string @event, string callSid);
}
