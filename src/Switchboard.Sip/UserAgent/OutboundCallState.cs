namespace Switchboard.Sip.UserAgent;

/// <summary>The UAC view of one outbound INVITE and the dialog it creates.</summary>
public enum OutboundCallState
{
    /// <summary>INVITE sent, nothing heard yet: CANCEL is not allowed yet (RFC 3261 §9.1).</summary>
    Calling,

    /// <summary>A provisional response arrived.</summary>
    Proceeding,

    /// <summary>CANCEL sent; waiting for the INVITE's final response (487, or a racing 2xx).</summary>
    Cancelling,

    /// <summary>2xx received and ACKed: the dialog is confirmed.</summary>
    Confirmed,

    /// <summary>BYE sent; waiting for its transaction to end.</summary>
    Terminating,

    Ended,
}
