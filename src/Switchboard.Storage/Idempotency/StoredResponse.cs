namespace Switchboard.Storage.Idempotency;

/// <summary>The answer given to the first request with an idempotency key, replayed to repeats.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, byte[] Body);
