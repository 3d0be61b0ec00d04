namespace Switchboard.Storage.Webhooks;

/// <summary>
/// One webhook in the durable outbox: where it goes, how, and the exact body. <see cref="Id"/> is 0 until stored;
/// ids grow in the order messages were written, which is the order a call's messages are delivered in.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    string AccountSid,
    string CallSid,
    string Event,
    string Url,
    string Method,
    string? Username,
    string? Password,
    string? FallbackUrl,
    byte[] Body,
    DateTimeOffset CreatedAt)
{
    /// <summary>Attempts made so far (a restart goes on counting).</summary>
    public int Attempts { get; init; }

    /// <summary>When the first attempt was made; retries stop a while after it. Null before the first attempt.</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>When the next attempt is due after a failed one; null for the first attempt.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Keeps the Basic-auth password and the body out of logs.</summary>
    public override string ToString() => $"OutboxMessage {{ Id = {Id}, CallSid = {CallSid}, Event = {Event}, Attempts = {Attempts} }}";
}
