namespace Switchboard.Storage.Idempotency;

/// <summary>
/// The outcome of presenting a key: <paramref name="RequestHash"/> is the hash of the request that holds the key,
/// and <paramref name="Response"/> its answer once <see cref="IdempotencyClaimState.Completed"/>.
/// </summary>
public sealed record IdempotencyClaim(IdempotencyClaimState State, byte[] RequestHash, StoredResponse? Response);
