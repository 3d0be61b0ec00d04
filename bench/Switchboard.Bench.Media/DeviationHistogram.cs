namespace Switchboard.Bench.Media;

/// <summary>
/// Counts durations in 10 µs buckets up to one second (the last bucket takes the rest): |interval − 20 ms| for
/// pacing, and the time a frame took through a relay.
/// </summary>
internal sealed class DeviationHistogram
{
    public const int BucketMicroseconds = 10;

    private readonly long[] _buckets = new long[100_000];

    public long Count { get; private set; }

    public double MaxMicroseconds { get; private set; }

    public void Add(double deviationMicroseconds)
    {
        var index = (int)Math.Min(_buckets.Length - 1, deviationMicroseconds / BucketMicroseconds);
        _buckets[index]++;
        Count++;
        MaxMicroseconds = Math.Max(MaxMicroseconds, deviationMicroseconds);
    }

    public void Merge(DeviationHistogram other)
    {
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] += other._buckets[i];
        }

        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="quantile"/>, in milliseconds.</summary>
    public double PercentileMilliseconds(double quantile)
    {
        var target = (long)Math.Ceiling(Count * quantile);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= target)
            {
                return (i + 1) * BucketMicroseconds / 1000.0;
            }
        }

        return MaxMicroseconds / 1000.0;
    }
}
