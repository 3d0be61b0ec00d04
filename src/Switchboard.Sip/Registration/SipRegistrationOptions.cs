using Switchboard.Sip.Auth;

namespace Switchboard.Sip.Registration;

/// <summary>One registration to keep alive with a registrar, e.g. a carrier's (RFC 3261 §10.2).</summary>
/// <param name="RegistrarUri">Where REGISTER goes, e.g. <c>sip:sip.carrier.example:5060;transport=tcp</c>.</param>
/// <param name="User">The user part of the address-of-record (and of our Contact), usually the account name.</param>
/// <param name="Credentials">What to answer 401/407 challenges with; null to answer none.</param>
public sealed record SipRegistrationOptions(string RegistrarUri, string User, SipCredentials? Credentials)
{
    /// <summary>The domain of the address-of-record; the registrar's host when null (RFC 3261 §10.2: To names the AOR).</summary>
    public string? Domain { get; init; }

    /// <summary>How long each registration asks to last (RFC 3261 §10.2.1.1); the registrar may grant less.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wait after the first failure; it doubles with each further one (with jitter) up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryInitial { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between failed attempts.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(5);
}
