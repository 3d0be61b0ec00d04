namespace Switchboard.Sip.UserAgent;

/// <summary>Takes the calls the user agent receives; set as <see cref="SipUserAgent.InboundCalls"/>.</summary>
public interface IInboundCallHandler
{
    /// <summary>
    /// A new INVITE arrived and was answered 100 Trying (RFC 3261 §17.2.1). Called on a SIP receive thread: keep
    /// the call, <see cref="InboundCall.Attach"/> an observer, and act on it from the engine's own loop (every
    /// <see cref="InboundCall"/> action is thread-safe). If this throws, the call is refused with 500.
    /// </summary>
    void OnIncomingCall(InboundCall call);
}
