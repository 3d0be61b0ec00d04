using System.Net;

namespace Switchboard.Calls.Webhooks;

/// <summary>
/// When and how long to wait before trying a delivery again: connection failures, timeouts, 429 and 5xx
/// are worth retrying with exponential backoff and jitter; any other answer is final.
/// </summary>
public sealed record WebhookRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static WebhookRetryPolicy Default { get; } = new(6, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait after attempt number <paramref name="attempt"/> (1-based), with ±20% jitter.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
