namespace Switchboard.Calls.Limits;

/// <summary>
/// A token bucket: <c>rate</c> tokens per second up to <c>capacity</c>, refilled lazily from the clock when asked.
/// Not thread-safe; <see cref="CallAdmission"/> serialises access.
/// </summary>
internal sealed class TokenBucket(double rate, double capacity, long startTimestamp)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private long _refilledAt = startTimestamp;

    /// <summary>Takes a token; when there is none, says how long until there will be one.</summary>
    public bool TryTake(long nowTimestamp, long timestampFrequency, out TimeSpan wait)
    {
        var elapsed = (double)(nowTimestamp - _refilledAt) / timestampFrequency;
        _tokens = Math.Min(_capacity, _tokens + (elapsed * rate));
        _refilledAt = nowTimestamp;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            wait = TimeSpan.Zero;
            return true;
        }

        wait = TimeSpan.FromSeconds((1 - _tokens) / rate);
        return false;
    }

    /// <summary>Whether the bucket is full again, so an idle account's bucket can be dropped.</summary>
    public bool IsFull(long nowTimestamp, long timestampFrequency) =>
        _tokens + ((double)(nowTimestamp - _refilledAt) / timestampFrequency * rate) >= _capacity;
}
