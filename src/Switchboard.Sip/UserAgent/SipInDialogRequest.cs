using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// A request an application sends inside a call's dialog (RFC 3261 §12.2.1.1), such as INFO (RFC 6086), MESSAGE
/// (RFC 3428) or NOTIFY: the user agent fills in what the dialog owns (Request-URI, route, From, To, Call-ID,
/// CSeq, Via), so <see cref="Headers"/> may add only the others.
/// </summary>
/// <param name="Method">The method; one that changes the dialog itself is refused (<see cref="IsReservedForDialog"/>).</param>
public sealed record SipInDialogRequest(SipMethod Method)
{
    /// <summary>Headers added after the dialog's own, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body's media type; <c>text/plain</c> when a body is given without one.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body, sent as UTF-8; none when null or empty.</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Methods only the dialog layer may send, because each changes the dialog or the session: INVITE, ACK, BYE,
    /// CANCEL, PRACK and UPDATE (offer/answer and the dialog's life, RFC 3261 §12–§15, RFC 3262, RFC 3311), REFER
    /// (its implicit subscription is tracked, RFC 3515: <see cref="SipCall.ReferAsync"/>), SUBSCRIBE (a subscription
    /// nobody would track) and REGISTER (never inside a dialog).
    /// </summary>
    public static bool IsReservedForDialog(SipMethod method) =>
        method == SipMethod.Invite || method == SipMethod.Ack || method == SipMethod.Bye || method == SipMethod.Cancel
        || method == SipMethod.Prack || method == SipMethod.Update || method == SipMethod.Refer
        || method == SipMethod.Subscribe || method == SipMethod.Register;

    /// <summary>
    /// Header names the user agent writes itself for every in-dialog request, compared without case (RFC 3261 §7.3.1),
    /// compact forms included; a request that names one of them is refused rather than sent with two.
    /// </summary>
    public static bool IsDialogHeader(string name) => DialogHeaders.Contains(name);

    private static readonly HashSet<string> DialogHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq,
        SipHeaderNames.MaxForwards, SipHeaderNames.Route, SipHeaderNames.RecordRoute, SipHeaderNames.ContentLength,
        SipHeaderNames.ContentType, SipHeaderNames.Contact, SipHeaderNames.ReferTo, "Referred-By",
        "v", "f", "t", "i", "l", "c", "m", "r", "b",
    };
}
