namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Receives the SIP events of one call. Called from the SIP stack's threads: implementations must only
/// hand the event over (e.g. write it to the call's channel) and return at once.
/// </summary>
public interface ISipCallObserver
{
    void OnSipEvent(SipCallEvent sipEvent);
}
