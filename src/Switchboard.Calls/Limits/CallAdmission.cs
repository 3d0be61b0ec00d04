namespace Switchboard.Calls.Limits;

/// <summary>
/// Decides whether a new call may start: per account a calls-per-second token bucket and a cap on live calls, for
/// the server a cap on live calls, and none at all once shutdown began. Every admitted call must be
/// <see cref="Release"/>d when it ends. Outbound calls go through <c>CallEngine.PlaceCallAsync</c>, which admits
/// and releases them; the inbound path asks <see cref="TryAdmit(string, out TimeSpan)"/> (answering 503 with
/// <c>Retry-After</c> when refused) and releases when its call ends.
/// </summary>
public sealed class CallAdmission(CallLimits limits, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _liveByAccount = new(StringComparer.Ordinal);
    private int _live;
    private bool _closed;

    public CallLimits Limits => limits;

    /// <summary>Calls admitted and not yet released.</summary>
    public int LiveCount
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>Admits a call of the account, or says why not and when to try again.</summary>
    public AdmissionDecision TryAdmit(string accountSid)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return new AdmissionDecision(AdmissionRefusal.ShuttingDown, limits.ShutdownGrace);
            }

            if (_live >= limits.MaxLiveCalls)
            {
                return new AdmissionDecision(AdmissionRefusal.ServerFull, TimeSpan.FromSeconds(5));
            }

            var live = _liveByAccount.GetValueOrDefault(accountSid);
            if (live >= limits.ConcurrentCallsPerAccount)
            {
                return new AdmissionDecision(AdmissionRefusal.AccountConcurrency, TimeSpan.FromSeconds(5));
            }

            var now = timeProvider.GetTimestamp();
            if (!_buckets.TryGetValue(accountSid, out var bucket))
            {
                bucket = _buckets[accountSid] = new TokenBucket(limits.CallsPerSecondPerAccount, limits.Burst, now);
            }

            if (!bucket.TryTake(now, timeProvider.TimestampFrequency, out var wait))
            {
                return new AdmissionDecision(AdmissionRefusal.CallRate, wait);
            }

            _liveByAccount[accountSid] = live + 1;
            _live++;
            return AdmissionDecision.Admitted;
        }
    }

    /// <summary>The shape the inbound path needs: false with <paramref name="retryAfter"/> when the call must be refused.</summary>
    public bool TryAdmit(string accountSid, out TimeSpan retryAfter)
    {
        var decision = TryAdmit(accountSid);
        retryAfter = decision.RetryAfter;
        return decision.IsAdmitted;
    }

    /// <summary>An admitted call ended.</summary>
    public void Release(string accountSid)
    {
        lock (_gate)
        {
            if (!_liveByAccount.TryGetValue(accountSid, out var live) || live <= 0)
            {
                return;
            }

            _live--;
            if (live == 1)
            {
                _liveByAccount.Remove(accountSid);
                // An idle account's full bucket carries no information; dropping it keeps the table to active accounts.
                if (_buckets.TryGetValue(accountSid, out var bucket) && bucket.IsFull(timeProvider.GetTimestamp(), timeProvider.TimestampFrequency))
                {
                    _buckets.Remove(accountSid);
                }
            }
            else
            {
                _liveByAccount[accountSid] = live - 1;
            }
        }
    }

    /// <summary>False once shutdown began.</summary>
    public bool IsAdmitting
    {
        get
        {
            lock (_gate)
            {
                return !_closed;
            }
        }
    }

    /// <summary>Shutdown began: every new call is refused from now on.</summary>
    public void StopAdmitting()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }
}
