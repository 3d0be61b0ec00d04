using Switchboard.Sip.Auth;

namespace Switchboard.Sip.Registrar;

/// <summary>How the registrar challenges and how long it keeps bindings (RFC 3261 §10.3).</summary>
/// <param name="Realm">The digest realm offered to users the directory does not know (known ones get their own).</param>
public sealed record SipRegistrarOptions(string Realm)
{
    /// <summary>The shortest registration accepted; shorter ones get 423 with Min-Expires (RFC 3261 §10.3 step 7).</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest registration granted; longer requests are shortened to it (RFC 3261 §10.3 step 7).</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(2);

    /// <summary>What a contact gets when neither its expires parameter nor an Expires header says (RFC 3261 §10.2.1.1).</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many contacts one address-of-record may hold at once; more are refused with 503.</summary>
    public int MaxBindingsPerUser { get; init; } = 10;

    /// <summary>
    /// How long a nonce we issue stays fresh. A client answering with an older one is challenged again with
    /// stale=TRUE and retries without asking its user (RFC 7616 §3.3); a short life bounds replay of a stateless nonce.
    /// </summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The algorithms challenged with, most preferred first: RFC 8760 §2.4 has the server send one challenge per
    /// algorithm in order of preference, and the client answer the first it supports. MD5 alone by default: clients
    /// still common in the field refuse a whole 401 when any challenge names an algorithm they lack (baresip 1.0 fails
    /// the REGISTER; SIPp 3.6 answers only the first challenge, and only MD5). Add SHA-256 where every client has it.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Md5];
}
