namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Answers SDP offers the peer makes inside an established dialog (re-INVITE, UPDATE): hold, resume, codec
/// changes. Called synchronously on a SIP thread, because the answer goes into the response; implementations must
/// return quickly and must not wait for the call's own loop.
/// </summary>
public interface ISipOfferAnswerer
{
    /// <summary>Returns the SDP answer, or null to refuse the offer with 488 Not Acceptable Here (RFC 3261 §14.2).</summary>
    string? AnswerOffer(string sdpOffer);
}
