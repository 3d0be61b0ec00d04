using System.Globalization;
using System.Net;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// One contact registered for a user (RFC 3261 §10.3): where requests for the user go until <see cref="ExpiresAt"/>,
/// with the Call-ID and CSeq of the REGISTER that last wrote it, which order later updates (§10.3 step 7).
/// </summary>
/// <param name="Contact">The Contact as registered, with its header parameters (q, expires as sent, +sip.instance ...).</param>
/// <param name="Source">The address the REGISTER came from; differs from the Contact behind NAT.</param>
/// <param name="AddressOfRecord">
/// The address-of-record the contact was registered for, in canonical form (§10.3 step 5: the REGISTER's To URI
/// without parameters or headers): the To of requests sent to the contact (§8.1.1.2).
/// </param>
public sealed record SipBinding(SipNameAddress Contact, DateTimeOffset ExpiresAt, string CallId, uint CSeq, IPEndPoint Source, SipUri AddressOfRecord)
{
    /// <summary>The contact's preference, 0 to 1 (RFC 3261 §20.10 q); 1 when absent or unreadable.</summary>
    public double Preference =>
        double.TryParse(SipParameters.Get(Contact.Parameters, "q"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1
            ? q
            : 1;

    /// <summary>Whole seconds left, as the registrar reports them in the expires parameter of each Contact.</summary>
    public long SecondsLeft(DateTimeOffset now) => Math.Max(0, (long)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
