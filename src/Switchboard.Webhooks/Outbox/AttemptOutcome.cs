namespace Switchboard.Webhooks.Outbox;

/// <summary>What one attempt at a notification came to.</summary>
internal enum AttemptOutcome
{
    /// <summary>A 2xx answer: done.</summary>
    Delivered,

    /// <summary>A connection error, a timeout, 429 or 5xx: worth trying again later.</summary>
    Retry,

    /// <summary>Any other answer, or a URL we will not send to: trying again would not help.</summary>
    Refused,
}
