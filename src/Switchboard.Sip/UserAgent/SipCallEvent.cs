using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>Something that happened to a call at the SIP level, reported to its <see cref="ISipCallObserver"/>.</summary>
public abstract record SipCallEvent;

/// <summary>Outbound: a provisional (1xx) response; <paramref name="Sdp"/> is set for early media (183 with SDP).</summary>
public sealed record SipCallProgress(int StatusCode, string ReasonPhrase, string? Sdp) : SipCallEvent;

/// <summary>Outbound: a 2xx final response; the user agent has already sent the ACK.</summary>
public sealed record SipCallAnswered(string? Sdp) : SipCallEvent;

/// <summary>
/// Outbound: the INVITE failed: a 3xx–6xx response, or a synthesized 408 (Timer B fired, RFC 3261 §17.1.1.2)
/// or 503 (the transport could not send, RFC 3261 §8.1.3.1).
/// </summary>
public sealed record SipCallRejected(int StatusCode, string ReasonPhrase) : SipCallEvent;

/// <summary>
/// Inbound: the ACK for our 2xx arrived, so the dialog is confirmed. <paramref name="Sdp"/> is the ACK's body: the
/// answer to the offer our 2xx carried when the INVITE had none (RFC 3264 §4), otherwise null.
/// </summary>
public sealed record SipCallConfirmed(string? Sdp) : SipCallEvent;

/// <summary>
/// The peer modified the session with a re-INVITE or UPDATE (RFC 3261 §14.2, RFC 3311) and it was accepted:
/// <paramref name="RemoteSdp"/> is the peer's offer (or its answer in the ACK, when its re-INVITE had no offer),
/// <paramref name="LocalSdp"/> what we sent. Hold and resume arrive this way.
/// </summary>
public sealed record SipCallSessionModified(string RemoteSdp, string LocalSdp) : SipCallEvent;

/// <summary>
/// A DTMF key sent in an INFO request (<c>application/dtmf-relay</c> or <c>application/dtmf</c>), already answered
/// 200. <paramref name="Digit"/> is one of 0–9, *, #, A–D; <paramref name="DurationMilliseconds"/> is 0 when not given.
/// </summary>
public sealed record SipCallDtmf(char Digit, int DurationMilliseconds) : SipCallEvent;

/// <summary>The call ended without the engine asking; no further events follow for it.</summary>
public abstract record SipCallEnded : SipCallEvent;

/// <summary>The remote party ended the established dialog with BYE (already answered with 200).</summary>
public sealed record SipCallHungUp : SipCallEnded;

/// <summary>
/// Inbound: the caller gave up before the answer, with CANCEL (answered 200, the INVITE 487, RFC 3261 §9.2) or a
/// BYE on the early dialog (RFC 3261 §15).
/// </summary>
public sealed record SipCallCanceled : SipCallEnded;

/// <summary>
/// No ACK arrived for our 2xx within 64*T1 (RFC 3261 §13.3.1.4, §14.2): the session was ended with BYE.
/// </summary>
public sealed record SipCallAckTimedOut : SipCallEnded;

/// <summary>
/// A request inside the dialog was answered 481 or timed out (408), so the dialog is gone (RFC 3261 §12.2.1.2).
/// </summary>
public sealed record SipCallDialogFailed(int StatusCode, string ReasonPhrase) : SipCallEnded;

/// <summary>
/// The peer sent INFO (with a body other than keys) or MESSAGE inside the dialog while the call forwards them
/// (<see cref="SipCall.ForwardsInDialogRequests"/>); already answered (200, MESSAGE 202). <paramref name="Headers"/>
/// are all the request's headers, in order.
/// </summary>
public sealed record SipCallRequestReceived(SipMethod Method, string? ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers) : SipCallEvent;

/// <summary>
/// The peer asks us to transfer the call (RFC 3515): its REFER was accepted with 202, and the outcome is owed to it
/// as NOTIFYs of the REFER's implicit subscription (<see cref="SipReferNotification"/>, with <paramref name="Sequence"/>).
/// <paramref name="CustomHeaders"/> are the request's <c>X-</c> headers, in order.
/// </summary>
public sealed record SipCallReferred(string ReferTo, string? ReferredBy, string? UserAgent, IReadOnlyList<KeyValuePair<string, string>> CustomHeaders, uint Sequence) : SipCallEvent;

/// <summary>
/// A NOTIFY of our REFER's implicit subscription (RFC 3515 §2.4.4), already answered 200: <paramref name="Status"/>
/// is the referred call's progress from its <c>message/sipfrag</c> body (null when a terminating NOTIFY had none);
/// <paramref name="SubscriptionTerminated"/>: no further NOTIFY follows (Subscription-State: terminated).
/// </summary>
public sealed record SipCallReferNotify(SipFragStatus? Status, bool SubscriptionTerminated) : SipCallEvent;
