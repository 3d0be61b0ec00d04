using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>Canonical header names and the compact forms of RFC 3261 §7.3.3 (plus RFC 3515/3903 letters).</summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentType = "Content-Type";
    public const string ContentLength = "Content-Length";
    public const string ContentEncoding = "Content-Encoding";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Subject = "Subject";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Expires = "Expires";
    public const string Event = "Event";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string SubscriptionState = "Subscription-State";
    public const string Reason = "Reason";
    public const string RetryAfter = "Retry-After";

    private static readonly string[] Known =
    [
        Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentType, ContentLength, ContentEncoding, Route,
        RecordRoute, Allow, Supported, Subject, UserAgent, Server, Expires, Event, ReferTo, ReferredBy, Reason,
    ];

    private static readonly byte[][] KnownBytes = Array.ConvertAll(Known, Encoding.ASCII.GetBytes);

    /// <summary>Returns the canonical name for a received header name; allocates only for unknown headers.</summary>
    public static string Canonicalize(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            // RFC 3261 §7.3.3 compact forms; o (Event), r (Refer-To) and b (Referred-By) from RFC 3265/3515/3892.
            switch (name[0] | 0x20)
            {
                case 'v': return Via;
                case 'f': return From;
                case 't': return To;
                case 'i': return CallId;
                case 'm': return Contact;
                case 'l': return ContentLength;
                case 'c': return ContentType;
                case 'e': return ContentEncoding;
                case 'k': return Supported;
                case 's': return Subject;
                case 'o': return Event;
                case 'r': return ReferTo;
                case 'b': return ReferredBy;
            }
        }

        for (var i = 0; i < KnownBytes.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, KnownBytes[i]))
            {
                return Known[i];
            }
        }

        return Encoding.ASCII.GetString(name);
    }
}
