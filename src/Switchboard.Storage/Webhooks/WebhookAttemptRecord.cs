namespace Switchboard.Storage.Webhooks;

/// <summary>
/// One HTTP request of one webhook, kept for a call's timeline whether it succeeded or not: where it went, what it
/// came to (<see cref="StatusCode"/> or <see cref="Error"/>), how long the answer took, and the start of what was sent
/// and answered (<see cref="MaxBodyBytes"/> of each).
/// </summary>
/// <param name="CallSid">The call (or escalation) the webhook belongs to.</param>
/// <param name="Kind">What the webhook reports or asks (<c>status:completed</c>, <c>call</c>, <c>event:ANSWERED</c>, ...).</param>
/// <param name="Attempt">1 for the first try; a retry counts up, the fallback URL shares its primary's number.</param>
public sealed record WebhookAttemptRecord(
    string CallSid,
    string? AccountSid,
    string Kind,
    string Url,
    string Method,
    int Attempt,
    int? StatusCode,
    string? Error,
    long LatencyMs,
    string? RequestBody,
    string? AnswerBody,
    DateTimeOffset StartedAt)
{
    /// <summary>How much of each body is kept: enough to see what went wrong, not a copy of every payload.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>Order of insertion, assigned by the store (0 before it is stored).</summary>
    public long Id { get; init; }
}
