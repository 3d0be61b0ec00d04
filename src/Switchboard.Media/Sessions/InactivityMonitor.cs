namespace Switchboard.Media.Sessions;

/// <summary>
/// Reports when no RTP has arrived for a period (RFC 3550 §6.3.5 times out members that stop sending;
/// here the period is the operator's choice). One <see cref="TimeProvider"/> timer per session, re-armed
/// for exactly when the silence would reach the period, so an active stream costs one timer firing per
/// period, and a silence is reported once until packets resume.
/// </summary>
internal sealed class InactivityMonitor : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly Func<long> _lastActivity;
    private readonly Action _onTimeout;
    private readonly long _started;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _reportedFor = -1;
    private bool _disposed;

    /// <param name="lastActivity">The <see cref="TimeProvider.GetTimestamp"/> of the last packet, or 0 before one.</param>
    public InactivityMonitor(TimeProvider time, TimeSpan timeout, Func<long> lastActivity, Action onTimeout)
    {
        _time = time;
        _timeout = timeout;
        _lastActivity = lastActivity;
        _onTimeout = onTimeout;
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((InactivityMonitor)state!).Check(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void Check()
    {
        var last = Math.Max(_lastActivity(), _started);
        var silent = _time.GetElapsedTime(last);
        var report = silent >= _timeout && last != _reportedFor;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (report)
            {
                _reportedFor = last;
            }

            _timer.Change(silent >= _timeout ? _timeout : _timeout - silent, Timeout.InfiniteTimeSpan);
        }

        if (report)
        {
            _onTimeout();
        }
    }
}
