namespace Switchboard.Sip.Auth;

/// <summary>A username and password to answer digest challenges with (RFC 3261 §22.2).</summary>
public sealed record SipCredentials(string Username, string Password)
{
    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() => $"SipCredentials {{ Username = {Username} }}";
}
