using System.Globalization;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Builds the requests a user agent sends: INVITE (RFC 3261 §8.1.1), ACK for 2xx (§13.2.2.4), BYE (§15.1.1),
/// CANCEL (§9.1), re-INVITE (§14.1), an application's requests in the dialog and REFER (RFC 3515).
/// </summary>
internal static class SipRequestFactory
{
    public const string AllowValue = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, NOTIFY, REFER";
    public const string UserAgentValue = "Switchboard";

    /// <summary>
    /// RFC 3261 §8.1.1: the INVITE goes to <paramref name="target"/> (the Request-URI) and names
    /// <paramref name="to"/> in its To, the same URI unless the caller gave the callee's address-of-record apart.
    /// </summary>
    public static SipRequest CreateInvite(OutboundCallRequest call, SipUri target, SipUri to, SipLocalAddress local)
    {
        var from = new SipNameAddress(
            call.FromDisplayName,
            new SipUri("sip", call.FromUser, call.FromHost ?? local.Host, null),
            [new("tag", SipIdentifiers.NewTag())]);
        // §19.1.1: routing parameters (transport, maddr, lr ...) and headers belong to a Request-URI, not a To; the
        // To's tag comes from the callee.
        var toAddress = new SipNameAddress(null, to with { Parameters = [], Headers = null }, []);
        var headers = new List<SipHeader>(12 + call.ExtraHeaders.Count)
        {
            Via(local),
            SipHeader.Create(SipHeaderNames.MaxForwards, "70"),
            SipHeader.Create(SipHeaderNames.From, from.ToString()),
            SipHeader.Create(SipHeaderNames.To, toAddress.ToString()),
            SipHeader.Create(SipHeaderNames.CallId, SipIdentifiers.NewCallId()),
            SipHeader.Create(SipHeaderNames.CSeq, "1 INVITE"),
            Contact(local),
            SipHeader.Create(SipHeaderNames.UserAgent, UserAgentValue),
            SipHeader.Create(SipHeaderNames.Allow, AllowValue),
            SipHeader.Create(SipHeaderNames.ContentType, "application/sdp"),
        };
        foreach (var extra in call.ExtraHeaders)
        {
            headers.Add(SipHeader.Create(extra.Key, extra.Value));
        }

        return new SipRequest(SipMethod.Invite, target, headers, Encoding.UTF8.GetBytes(call.SdpOffer));
    }

    /// <summary>
    /// RFC 3261 §13.2.2.4: the ACK for a 2xx is a new transaction (new branch) in the dialog, with the INVITE's
    /// CSeq number.
    /// </summary>
    public static SipRequest CreateAck(SipDialog dialog, uint inviteSequence, SipLocalAddress local) =>
        CreateInDialog(dialog, SipMethod.Ack, inviteSequence, local, null);

    public static SipRequest CreateBye(SipDialog dialog, SipLocalAddress local) =>
        CreateInDialog(dialog, SipMethod.Bye, dialog.NextSequence(), local, null);

    /// <summary>RFC 3261 §14.1: a re-INVITE is a target refresh request, so it carries our Contact, and its offer.</summary>
    public static SipRequest CreateReinvite(SipDialog dialog, string sdpOffer, SipLocalAddress local) =>
        CreateInDialog(dialog, SipMethod.Invite, dialog.NextSequence(), local, sdpOffer);

    /// <summary>
    /// RFC 3261 §22.2: the INVITE resent with credentials keeps Call-ID, From (and its tag), To, body and headers,
    /// takes CSeq + 1 and a new branch (a new transaction, §8.1.3.5), and replaces any earlier credentials.
    /// </summary>
    public static SipRequest CreateAuthenticatedRetry(SipRequest previous, IEnumerable<SipHeader> authorization, SipLocalAddress local)
    {
        var headers = new List<SipHeader>(previous.Headers.Count + 2);
        foreach (var header in previous.Headers)
        {
            switch (header.Name)
            {
                case SipHeaderNames.Via:
                    headers.Add(Via(local));
                    break;
                case SipHeaderNames.CSeq:
                    headers.Add(SipHeader.Create(SipHeaderNames.CSeq, string.Create(CultureInfo.InvariantCulture, $"{previous.CSeq!.Value.Number + 1} {previous.Method.Name}")));
                    break;
                case "Authorization" or "Proxy-Authorization":
                    break;
                default:
                    headers.Add(header);
                    break;
            }
        }

        headers.AddRange(authorization);
        return new SipRequest(previous.Method, previous.RequestUri, headers, previous.Body);
    }

    /// <summary>
    /// RFC 3261 §9.1: CANCEL copies Request-URI, Call-ID, To, From, Route and the top Via (same branch, so it
    /// matches the INVITE's server transaction) and takes the INVITE's CSeq number with method CANCEL.
    /// </summary>
    public static SipRequest CreateCancel(SipRequest invite)
    {
        var headers = new List<SipHeader>(8);
        var viaAdded = false;
        foreach (var header in invite.Headers)
        {
            switch (header.Name)
            {
                case SipHeaderNames.Via when !viaAdded:
                    viaAdded = true;
                    headers.Add(header with { Value = invite.GetHeaderValues(SipHeaderNames.Via)[0] });
                    break;
                case SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId or SipHeaderNames.Route
                    or SipHeaderNames.MaxForwards:
                    headers.Add(header);
                    break;
            }
        }

        headers.Add(SipHeader.Create(SipHeaderNames.CSeq, $"{invite.CSeq!.Value.Number} CANCEL"));
        headers.Add(SipHeader.Create(SipHeaderNames.UserAgent, UserAgentValue));
        return new SipRequest(SipMethod.Cancel, invite.RequestUri, headers, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>
    /// An application's request in the dialog (INFO, MESSAGE, NOTIFY ...): the dialog's headers, then the request's
    /// own, then its body (<c>text/plain</c> when it names no type).
    /// </summary>
    public static SipRequest CreateInDialogRequest(SipDialog dialog, SipInDialogRequest request, SipLocalAddress local)
    {
        var headers = DialogHeaders(dialog, request.Method, dialog.NextSequence(), local, out var requestUri);
        headers.Add(SipHeader.Create(SipHeaderNames.UserAgent, UserAgentValue));
        AddExtra(headers, request.Headers);
        if (string.IsNullOrEmpty(request.Body))
        {
            return new SipRequest(request.Method, requestUri, headers, ReadOnlyMemory<byte>.Empty);
        }

        headers.Add(SipHeader.Create(SipHeaderNames.ContentType, request.ContentType ?? "text/plain"));
        return new SipRequest(request.Method, requestUri, headers, Encoding.UTF8.GetBytes(request.Body));
    }

    /// <summary>
    /// RFC 3515 §2.1: REFER names the target in Refer-To; RFC 3892 names who asks in Referred-By. Like SUBSCRIBE it
    /// creates a subscription in the dialog, so it carries our Contact (RFC 6665 §4.1.2.1) and says which event
    /// package its NOTIFYs use by being a REFER. A number or user name alone is sent to the host of the dialog's
    /// remote target, which is where a carrier or PBX that sent us the call takes its calls.
    /// </summary>
    public static SipRequest CreateRefer(SipDialog dialog, SipReferRequest refer, SipLocalAddress local)
    {
        var headers = DialogHeaders(dialog, SipMethod.Refer, dialog.NextSequence(), local, out var requestUri);
        headers.Add(Contact(local));
        headers.Add(SipHeader.Create(SipHeaderNames.UserAgent, UserAgentValue));
        AddExtra(headers, refer.Headers);
        headers.Add(SipHeader.Create(SipHeaderNames.ReferTo, ReferAddress(refer.ReferTo, dialog)));
        var referredBy = refer.ReferredBy is { } by ? ReferAddress(by, dialog) : $"<{dialog.Local.Uri}>";
        if (refer.ReferredByDisplayName is { Length: > 0 } name && referredBy.StartsWith('<'))
        {
            // RFC 3261 §25.1: a display name is a quoted-string, with its quotes and backslashes escaped.
            referredBy = $"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" {referredBy}";
        }

        headers.Add(SipHeader.Create("Referred-By", referredBy));
        return new SipRequest(SipMethod.Refer, requestUri, headers, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>
    /// A Refer-To or Referred-By value (RFC 3515 §2.1, RFC 3892 §3): a name-addr as given, a URI in angle brackets
    /// (its own parameters and headers stay the URI's), a bare number or user name as a SIP URI at the remote
    /// target's host.
    /// </summary>
    internal static string ReferAddress(string value, SipDialog dialog)
    {
        if (value.StartsWith('<') || value.StartsWith('"'))
        {
            return value;
        }

        return value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            ? $"<{value}>"
            : $"<sip:{value}@{dialog.RemoteTarget.Host}>";
    }

    private static void AddExtra(List<SipHeader> headers, IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        foreach (var header in extra)
        {
            if (SipInDialogRequest.IsDialogHeader(header.Key) || header.Value.AsSpan().ContainsAny('\r', '\n'))
            {
                throw new ArgumentException($"the header {header.Key} cannot be set by the application", nameof(extra));
            }

            headers.Add(SipHeader.Create(header.Key, header.Value));
        }
    }

    /// <summary>RFC 3261 §12.2.1.1: the headers every request in the dialog carries, and where it goes.</summary>
    private static List<SipHeader> DialogHeaders(SipDialog dialog, SipMethod method, uint sequence, SipLocalAddress local, out SipUri requestUri)
    {
        var (uri, routes) = RouteFor(dialog);
        requestUri = uri;
        var headers = new List<SipHeader>(16 + routes.Count)
        {
            Via(local),
            SipHeader.Create(SipHeaderNames.MaxForwards, "70"),
            SipHeader.Create(SipHeaderNames.From, dialog.Local.ToString()),
            SipHeader.Create(SipHeaderNames.To, dialog.Remote.ToString()),
            SipHeader.Create(SipHeaderNames.CallId, dialog.CallId),
            SipHeader.Create(SipHeaderNames.CSeq, string.Create(CultureInfo.InvariantCulture, $"{sequence} {method.Name}")),
        };
        foreach (var route in routes)
        {
            headers.Add(SipHeader.Create(SipHeaderNames.Route, route));
        }

        return headers;
    }

    private static SipRequest CreateInDialog(SipDialog dialog, SipMethod method, uint sequence, SipLocalAddress local, string? sdp)
    {
        var headers = DialogHeaders(dialog, method, sequence, local, out var requestUri);
        if (method == SipMethod.Invite)
        {
            headers.Add(Contact(local));
            headers.Add(SipHeader.Create(SipHeaderNames.Allow, AllowValue));
        }

        if (method != SipMethod.Ack)
        {
            headers.Add(SipHeader.Create(SipHeaderNames.UserAgent, UserAgentValue));
        }

        if (sdp is null)
        {
            return new SipRequest(method, requestUri, headers, ReadOnlyMemory<byte>.Empty);
        }

        headers.Add(SipHeader.Create(SipHeaderNames.ContentType, "application/sdp"));
        return new SipRequest(method, requestUri, headers, Encoding.UTF8.GetBytes(sdp));
    }

    /// <summary>
    /// RFC 3261 §12.2.1.1: with a loose-routing first hop (<c>lr</c>) the request goes to the remote target and carries
    /// the whole route set; a strict router instead becomes the Request-URI, and the remote target the last Route.
    /// </summary>
    private static (SipUri RequestUri, IReadOnlyList<string> Routes) RouteFor(SipDialog dialog)
    {
        if (dialog.RouteSet.Count == 0
            || !SipNameAddress.TryParse(Encoding.UTF8.GetBytes(dialog.RouteSet[0]), out var first)
            || SipParameters.Contains(first.Uri.Parameters, "lr"))
        {
            return (dialog.RemoteTarget, dialog.RouteSet);
        }

        var routes = new List<string>(dialog.RouteSet.Count);
        for (var i = 1; i < dialog.RouteSet.Count; i++)
        {
            routes.Add(dialog.RouteSet[i]);
        }

        routes.Add($"<{dialog.RemoteTarget}>");
        return (first.Uri with { Headers = null }, routes);
    }

    // RFC 3581 §3: ask for rport so responses come back to the port we sent from, through NAT.
    public static SipHeader Via(SipLocalAddress local) =>
        SipHeader.Create(SipHeaderNames.Via, string.Create(CultureInfo.InvariantCulture, $"SIP/2.0/{local.Protocol} {local.Host}:{local.Port};branch={SipIdentifiers.NewBranch()};rport"));

    public static SipHeader Contact(SipLocalAddress local) => SipHeader.Create(SipHeaderNames.Contact, $"<{local.ContactUri}>");
}
