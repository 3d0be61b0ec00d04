namespace Switchboard.Storage.Idempotency;

/// <summary>
/// Idempotency keys of create requests, per account and endpoint (<c>scope</c>): the first request with a key
/// claims it, its answer is kept, and repeats within the window get that answer instead of running again.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a request whose body hashes to <paramref name="requestHash"/>, or reports who holds it.
    /// Claims older than <paramref name="window"/> have expired and are forgotten.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(string accountSid, string scope, string key, byte[] requestHash, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Keeps the answer of the request that claimed the key.</summary>
    Task CompleteAsync(string accountSid, string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Frees the key (the answer was not one to replay, e.g. a 503); a repeat runs again.</summary>
    Task ReleaseAsync(string accountSid, string scope, string key, CancellationToken cancellationToken);

    /// <summary>Frees every key whose request never got its answer stored (a previous run died during it).</summary>
    Task<int> ReleaseUnansweredAsync(CancellationToken cancellationToken);
}
