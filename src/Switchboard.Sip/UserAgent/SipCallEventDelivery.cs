namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Delivers one call's events to its observer, in order and one at a time; events that happen before the observer
/// is attached (e.g. an early CANCEL) are kept and delivered first. Also names who answers the peer's offers.
/// </summary>
internal sealed class SipCallEventDelivery
{
    private readonly Lock _gate = new();
    private readonly List<SipCallEvent> _undelivered = [];
    private ISipCallObserver? _observer;

    /// <summary>The configured answerer, else the observer if it is one.</summary>
    public ISipOfferAnswerer? AnswererOr(ISipOfferAnswerer? configured)
    {
        lock (_gate)
        {
            return configured ?? _observer as ISipOfferAnswerer;
        }
    }

    /// <exception cref="InvalidOperationException">An observer is already attached.</exception>
    public void Attach(ISipCallObserver observer)
    {
        lock (_gate)
        {
            if (_observer is not null)
            {
                throw new InvalidOperationException("An observer is already attached to this call.");
            }

            _observer = observer;
            foreach (var sipEvent in _undelivered)
            {
                observer.OnSipEvent(sipEvent);
            }

            _undelivered.Clear();
        }
    }

    public void Deliver(SipCallEvent sipEvent)
    {
        lock (_gate)
        {
            if (_observer is null)
            {
                _undelivered.Add(sipEvent);
            }
            else
            {
                _observer.OnSipEvent(sipEvent);
            }
        }
    }
}
