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

    /// <summary>
    /// The To URI when it is not the Request-URI: RFC 3261 §8.1.1.2 has the To name the callee's address-of-record,
    /// while §8.1.1.1 and §10 let the Request-URI be a contact the callee registered for it (a registered user's
    /// <c>sip:alice@example.com</c> reached at <c>sip:alice@192.0.2.4:5062</c>). Null: the To is
    /// <see cref="TargetUri"/>.
    /// </summary>
    public string? ToUri { get; init; }
}
