namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Where a call stands. Outbound and inbound calls share the dialog states (Confirmed onward); each kind has its
/// own legal transitions into them (<see cref="OutboundCall"/> for the UAC, <see cref="InboundCall"/> for the UAS).
/// </summary>
public enum SipCallState
{
    /// <summary>UAC: INVITE sent, nothing heard yet, so CANCEL is not allowed yet (RFC 3261 §9.1).</summary>
    Calling,

    /// <summary>UAS: INVITE received and 100 Trying sent; the engine has not responded yet.</summary>
    Received,

    /// <summary>UAC: a provisional response arrived. UAS: a provisional response (180/183) was sent.</summary>
    Proceeding,

    /// <summary>UAC: CANCEL sent; waiting for the INVITE's final response (487, or a racing 2xx).</summary>
    Cancelling,

    /// <summary>UAS: 2xx sent and retransmitted until the ACK arrives (RFC 3261 §13.3.1.4, RFC 6026 "Accepted").</summary>
    Accepted,

    /// <summary>The dialog is confirmed: the UAC received and ACKed a 2xx, or the UAS received the ACK.</summary>
    Confirmed,

    /// <summary>BYE sent; waiting for its transaction to end.</summary>
    Terminating,

    Ended,
}
