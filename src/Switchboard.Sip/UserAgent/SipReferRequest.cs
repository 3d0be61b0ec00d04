namespace Switchboard.Sip.UserAgent;

/// <summary>
/// A blind transfer (RFC 3515): asks the peer to call <paramref name="ReferTo"/> in place of this call.
/// </summary>
/// <param name="ReferTo">
/// A SIP or tel URI (bare or in angle brackets, with a display name or not), or a phone number or user name, which
/// is sent to the host of the dialog's remote target.
/// </param>
public sealed record SipReferRequest(string ReferTo)
{
    /// <summary>Who asks for the transfer (RFC 3892 Referred-By), in the same forms; our side of the dialog when null.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>A display name written before <see cref="ReferredBy"/> (jambonz <c>referredByDisplayName</c>).</summary>
    public string? ReferredByDisplayName { get; init; }

    /// <summary>Headers added after the dialog's own, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
