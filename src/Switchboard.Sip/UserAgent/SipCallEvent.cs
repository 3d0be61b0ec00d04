namespace Switchboard.Sip.UserAgent;

/// <summary>Something that happened to an outbound call at the SIP level, reported to its observer.</summary>
public abstract record SipCallEvent;

/// <summary>A provisional (1xx) response; <paramref name="Sdp"/> is set for early media (183 with SDP).</summary>
public sealed record SipCallProgress(int StatusCode, string ReasonPhrase, string? Sdp) : SipCallEvent;

/// <summary>A 2xx final response; the user agent has already sent the ACK.</summary>
public sealed record SipCallAnswered(string? Sdp) : SipCallEvent;

/// <summary>
/// The INVITE failed: a 3xx–6xx response, or a synthesized 408 (Timer B fired, RFC 3261 §17.1.1.2)
/// or 503 (the transport could not send, RFC 3261 §8.1.3.1).
/// </summary>
public sealed record SipCallRejected(int StatusCode, string ReasonPhrase) : SipCallEvent;

/// <summary>The remote party ended the established dialog with BYE (already answered with 200).</summary>
public sealed record SipCallHungUp : SipCallEvent;
