using Microsoft.Extensions.Logging;

namespace Switchboard.Webhooks;

/// <summary>
/// Webhook delivery log messages; event IDs 3100–3199, shared with the call engine's crash recovery
/// (<c>Switchboard.Calls.Durability</c>, 3105–3107). URLs are logged without query or user info.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Information, "Webhook {Event} to {Url} failed (attempt {Attempt}: {Failure}); retrying in {Delay}")]
    public static partial void WebhookRetrying(ILogger logger, string @event, string url, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(3101, LogLevel.Warning, "Webhook {Event} of call {CallSid} to {Url} given up after {Attempt} attempts: {Failure}")]
    public static partial void WebhookGaveUp(ILogger logger, string @event, string callSid, string url, int attempt, string failure);

    [LoggerMessage(3102, LogLevel.Warning, "Webhook {Event} of call {CallSid} to {Url} refused with {Failure}; not retried")]
    public static partial void WebhookRefused(ILogger logger, string @event, string callSid, string url, string failure);

    [LoggerMessage(3103, LogLevel.Warning, "Webhook to {Url} has no account and goes unsigned")]
    public static partial void WebhookUnsigned(ILogger logger, string url);

    [LoggerMessage(3104, LogLevel.Error, "Webhook {Event} of call {CallSid} could not be stored; it is sent but would not survive a restart")]
    public static partial void WebhookNotStored(ILogger logger, Exception exception, string @event, string callSid);

    [LoggerMessage(3108, LogLevel.Error, "Webhook state of call {CallSid} could not be updated")]
    public static partial void WebhookStateNotStored(ILogger logger, Exception exception, string callSid);
}
