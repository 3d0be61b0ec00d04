using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// A 2xx to an INVITE we answered, waiting for its ACK. RFC 3261 §13.3.1.4: the UAS core retransmits the 2xx at
/// T1, doubling up to T2, until the ACK arrives; after 64*T1 without one the session ends with BYE. Over a reliable
/// transport only the 64*T1 limit runs.
/// </summary>
internal sealed class AwaitedAck : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SipTimerSettings _timers;
    private readonly Action _retransmit;
    private readonly Action<AwaitedAck> _onTimeout;
    private readonly SipTransactionTimer _retransmitTimer;
    private readonly SipTransactionTimer _giveUpTimer;
    private TimeSpan _interval;
    private bool _stopped;

    public AwaitedAck(uint sequence, bool isInitialInvite, string? offer, TimeProvider time, SipTimerSettings timers, Action retransmit, Action<AwaitedAck> onTimeout)
    {
        Sequence = sequence;
        IsInitialInvite = isInitialInvite;
        Offer = offer;
        _timers = timers;
        _retransmit = retransmit;
        _onTimeout = onTimeout;
        _retransmitTimer = new SipTransactionTimer(time, OnRetransmitTimer);
        _giveUpTimer = new SipTransactionTimer(time, OnGiveUpTimer);
    }

    /// <summary>The CSeq number of the INVITE, which its ACK repeats (RFC 3261 §13.2.2.4).</summary>
    public uint Sequence { get; }

    /// <summary>True for the dialog-creating INVITE, false for a re-INVITE.</summary>
    public bool IsInitialInvite { get; }

    /// <summary>The offer our 2xx carried when the INVITE had none; the ACK then carries the answer (RFC 3264 §4).</summary>
    public string? Offer { get; }

    public void Start(bool reliable)
    {
        lock (_gate)
        {
            if (!reliable)
            {
                _interval = _timers.T1;
                _retransmitTimer.Start(_interval);
            }

            _giveUpTimer.Start(_timers.TransactionTimeout);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _retransmitTimer.Dispose();
        _giveUpTimer.Dispose();
    }

    private void OnRetransmitTimer()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _interval = TimeSpan.FromTicks(Math.Min((_interval * 2).Ticks, _timers.T2.Ticks));
            _retransmitTimer.Start(_interval);
        }

        _retransmit();
    }

    private void OnGiveUpTimer()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        _retransmitTimer.Dispose();
        _onTimeout(this);
    }
}
