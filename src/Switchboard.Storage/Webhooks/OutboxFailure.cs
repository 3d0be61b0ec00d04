namespace Switchboard.Storage.Webhooks;

/// <summary>A webhook that was given up on: refused by the receiver, or still failing when its retry time ran out.</summary>
public sealed record OutboxFailure(
    long Id,
    string AccountSid,
    string CallSid,
    string Event,
    string Url,
    string? FallbackUrl,
    int Attempts,
    string? LastError,
    byte[] Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset GaveUpAt);
