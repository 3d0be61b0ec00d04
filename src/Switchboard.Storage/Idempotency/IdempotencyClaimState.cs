namespace Switchboard.Storage.Idempotency;

/// <summary>Where a key stands when a request presents it.</summary>
public enum IdempotencyClaimState
{
    /// <summary>The key was free: this request is the first and runs.</summary>
    Claimed,

    /// <summary>A request with the key is running now.</summary>
    InProgress,

    /// <summary>A request with the key has been answered: repeats get that answer.</summary>
    Completed,
}
