using Switchboard.Webhooks.Outbox;

namespace Switchboard.Webhooks;

/// <summary>How webhooks are sent.</summary>
public sealed record WebhookOptions
{
    public static WebhookOptions Default { get; } = new();

    /// <summary>
    /// How long a hook whose answer the call needs (call hook, action hooks, eventUrl) may take: 10 s, as jambonz
    /// waits, so an application that answers in 6 s there does not fail here.
    /// </summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest answer read from a hook whose answer the call needs; a larger one fails that hook. A notification's
    /// answer is not read at all.
    /// </summary>
    public long MaxAnswerBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a queued webhook's single attempt may take before it counts as failed and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long after a rotation the previous secret still signs beside the new one.</summary>
    public TimeSpan SecretRotationGrace { get; init; } = TimeSpan.FromHours(24);

    public WebhookRetryPolicy Retry { get; init; } = WebhookRetryPolicy.Default;

    /// <summary>How long each webhook request stays in its call's timeline (<c>GET .../Calls/{sid}/Events</c>).</summary>
    public TimeSpan AttemptRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long shutdown waits for queued webhooks; what is left is sent after the next start.</summary>
    public TimeSpan ShutdownDrain { get; init; } = TimeSpan.FromSeconds(5);
}
