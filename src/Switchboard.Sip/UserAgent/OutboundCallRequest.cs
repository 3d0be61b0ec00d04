using Switchboard.Sip.Auth;

namespace Switchboard.Sip.UserAgent;

/// <summary>What the call engine asks the user agent to dial: one INVITE with an SDP offer.</summary>
/// <param name="TargetUri">The Request-URI, e.g. <c>sip:+306971234567@127.0.0.1:5070</c>; also the next hop.</param>
/// <param name="FromUser">The user part of the From URI (a number or a name).</param>
/// <param name="FromDisplayName">The From display name, or null for none.</param>
/// <param name="FromHost">The host of the From URI, or null for the user agent's own address.</param>
/// <param name="ExtraHeaders">Headers added to the INVITE as given (name, value), in order.</param>
/// <param name="SdpOffer">The session description offered in the INVITE body.</param>
public sealed record OutboundCallRequest(
    string TargetUri,
    string FromUser,
    string? FromDisplayName,
    string? FromHost,
    IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders,
    string SdpOffer)
{
    /// <summary>
    /// Answers a 401/407 challenge to the INVITE (RFC 3261 §22.2) when set; without them a challenge ends the call
    /// as <see cref="SipCallRejected"/> with its status.
    /// </summary>
    public SipCredentials? Credentials { get; init; }
}
