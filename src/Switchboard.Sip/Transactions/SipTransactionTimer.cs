namespace Switchboard.Sip.Transactions;

/// <summary>
/// One named RFC 3261 timer of one transaction, backed by a <see cref="TimeProvider"/> timer so tests can drive
/// it. Created lazily, restarted in place, never polled.
/// </summary>
internal sealed class SipTransactionTimer : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action _onFire;
    private ITimer? _timer;

    public SipTransactionTimer(TimeProvider timeProvider, Action onFire)
    {
        _timeProvider = timeProvider;
        _onFire = onFire;
    }

    public void Start(TimeSpan due)
    {
        if (_timer is null)
        {
            _timer = _timeProvider.CreateTimer(static state => ((SipTransactionTimer)state!)._onFire(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Stop() => _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer?.Dispose();
}
