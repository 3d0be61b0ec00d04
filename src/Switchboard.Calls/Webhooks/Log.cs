using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Webhooks;

/// <summary>Webhook log messages; event IDs 3100–3199.</summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Information, "Webhook to {Url} failed (attempt {Attempt}: {Failure}); retrying in {Delay}")]
    public static partial void WebhookRetrying(ILogger logger, Uri url, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(3101, LogLevel.Warning, "Webhook to {Url} given up after {Attempt} attempts: {Failure}")]
    public static partial void WebhookGaveUp(ILogger logger, Uri url, int attempt, string failure);

    [LoggerMessage(3102, LogLevel.Warning, "Webhook to {Url} refused with {Failure}; not retried")]
    public static partial void WebhookRefused(ILogger logger, Uri url, string failure);
}
