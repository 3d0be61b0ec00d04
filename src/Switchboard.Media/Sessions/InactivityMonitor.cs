using Switchboard.Media.Clock;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Reports when a session has heard nothing from its peer (no RTP and no RTCP) for a period: RFC 3550
/// §6.3.5 times out members that stop sending; here the period is the operator's choice, and the usual
/// cause is a peer that vanished without a BYE. No timer per session: the media clock ticks this like
/// any stream, and every few ticks it compares the last packet's time with now, so 2,000 sessions cost
/// 2,000 comparisons a second rather than 2,000 timers re-armed on every packet. Sessions check on
/// different ticks (<c>phase</c>) so no tick carries them all.
/// </summary>
/// <remarks>
/// A peer that said it will not send (RFC 3264 §5.1 <c>recvonly</c> or <c>inactive</c>, or <c>sendonly</c>,
/// which §8.4 uses to put the call on hold, where music on hold is optional) is not expected to be heard,
/// so the check is suspended until a new description expects media again; the silence is then counted
/// from that moment. A silence is reported once, and again only after packets resumed and stopped anew.
/// </remarks>
internal sealed class InactivityMonitor : IMediaClockStream
{
    /// <summary>How often a session compares at most: once a second at a 30 s timeout is precise enough.</summary>
    private const int MaxCheckIntervalTicks = 50;

    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly Func<long> _lastActivity;
    private readonly Action _onTimeout;
    private readonly int _checkIntervalTicks;
    private readonly int _phase;
    private long _armedAt;
    private volatile bool _expectsMedia;
    private long _reportedFor = -1;

    /// <param name="time">The clock that <paramref name="lastActivity"/> timestamps come from.</param>
    /// <param name="timeout">The silence that is reported.</param>
    /// <param name="tickPeriod">The media clock's period, to check about ten times per timeout.</param>
    /// <param name="phase">Spreads sessions over ticks (any number, e.g. the local port).</param>
    /// <param name="lastActivity">The <see cref="TimeProvider.GetTimestamp"/> of the peer's last packet, or 0 before one.</param>
    /// <param name="onTimeout">Called on the clock thread: hand the event over and return.</param>
    public InactivityMonitor(TimeProvider time, TimeSpan timeout, TimeSpan tickPeriod, int phase, Func<long> lastActivity, Action onTimeout)
    {
        _time = time;
        _timeout = timeout;
        _lastActivity = lastActivity;
        _onTimeout = onTimeout;
        _checkIntervalTicks = (int)Math.Clamp(timeout / tickPeriod / 10, 1, MaxCheckIntervalTicks);
        _phase = (int)((uint)phase % (uint)_checkIntervalTicks);
        _armedAt = time.GetTimestamp();
    }

    /// <summary>Ticks between two checks of this session.</summary>
    public int CheckIntervalTicks => _checkIntervalTicks;

    /// <summary>
    /// A new offer/answer settled: restarts the silence count now, and suspends the check while the peer
    /// is not expected to send (<paramref name="expectsMedia"/> false: on hold or receive-only).
    /// </summary>
    public void Arm(bool expectsMedia)
    {
        Interlocked.Exchange(ref _armedAt, _time.GetTimestamp());
        _expectsMedia = expectsMedia;
    }

    public void OnTick(long tick)
    {
        if ((tick + _phase) % _checkIntervalTicks == 0)
        {
            Check();
        }
    }

    /// <summary>Compares now with the last packet; reports a silence of the full period once.</summary>
    public void Check()
    {
        if (!_expectsMedia)
        {
            return;
        }

        var last = Math.Max(_lastActivity(), Interlocked.Read(ref _armedAt));
        if (last == _reportedFor || _time.GetElapsedTime(last) < _timeout)
        {
            return;
        }

        _reportedFor = last;
        _onTimeout();
    }
}
