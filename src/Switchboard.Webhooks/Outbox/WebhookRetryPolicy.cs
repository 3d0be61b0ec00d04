using System.Net;

namespace Switchboard.Webhooks.Outbox;

/// <summary>
/// When to try a notification again: connection failures, timeouts, 429 and 5xx are worth retrying, with
/// exponential backoff from <paramref name="FirstDelay"/> up to <paramref name="MaxDelay"/> and ±20% jitter (so the
/// webhooks of many calls that failed together do not return together), until <paramref name="RetryFor"/> has
/// passed since the first attempt. Any other answer is final.
/// </summary>
public sealed record WebhookRetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan RetryFor)
{
    /// <summary>1 s doubling to 5 min, for an hour: about 20 attempts.</summary>
    public static WebhookRetryPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait after attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    /// <summary>Whether a message first tried at <paramref name="firstAttempt"/> has been retried long enough.</summary>
    public bool IsExhausted(DateTimeOffset firstAttempt, DateTimeOffset now) => now - firstAttempt >= RetryFor;
}
