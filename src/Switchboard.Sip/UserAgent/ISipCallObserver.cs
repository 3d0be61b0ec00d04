namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Receives the SIP events of one call, one at a time and in order. Called from the SIP stack's threads (receive
/// loops and timers): implementations must only hand the event over (e.g. write it to the call's channel) and
/// return at once. Implement <see cref="ISipOfferAnswerer"/> too to answer re-INVITE and UPDATE offers.
/// </summary>
public interface ISipCallObserver
{
    void OnSipEvent(SipCallEvent sipEvent);
}
