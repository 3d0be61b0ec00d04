using System.Globalization;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The NOTIFYs a REFER we accepted owes its sender (RFC 3515 §2.4.4): each carries the referred call's progress as a
/// <c>message/sipfrag</c> status line (RFC 3420), in the subscription named by <c>Event: refer;id=</c> the REFER's
/// CSeq number (§2.4.6). The first follows the 202 at once; the last terminates the subscription.
/// </summary>
public static class SipReferNotification
{
    /// <summary>How long the subscription lasts unless a final NOTIFY ends it first (seconds; RFC 3515 leaves it to us).</summary>
    private const int ExpiresSeconds = 60;

    /// <summary>The NOTIFY reporting <paramref name="status"/> <paramref name="reason"/> for the REFER numbered <paramref name="referSequence"/>.</summary>
    /// <param name="final">True for the outcome (2xx or a failure): the subscription then ends (RFC 6665 §4.1.3, reason noresource).</param>
    public static SipInDialogRequest Create(uint referSequence, int status, string reason, bool final) =>
        new(SipMethod.Notify)
        {
            Headers =
            [
                KeyValuePair.Create(SipHeaderNames.Event, "refer;id=" + referSequence.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create(SipHeaderNames.SubscriptionState,
                    final ? "terminated;reason=noresource" : "active;expires=" + ExpiresSeconds.ToString(CultureInfo.InvariantCulture)),
            ],
            ContentType = "message/sipfrag;version=2.0",
            Body = $"SIP/2.0 {status.ToString(CultureInfo.InvariantCulture)} {reason}\r\n",
        };
}
