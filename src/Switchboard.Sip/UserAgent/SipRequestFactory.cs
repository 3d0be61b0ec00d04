using System.Globalization;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>Builds the requests the UAC sends: INVITE (RFC 3261 §8.1.1), ACK for 2xx (§13.2.2.4), BYE (§15.1.1), CANCEL (§9.1).</summary>
internal static class SipRequestFactory
{
    public const string AllowValue = "INVITE, ACK, CANCEL, BYE, OPTIONS";
    public const string UserAgentValue = "Switchboard";

    public static SipRequest CreateInvite(OutboundCallRequest call, SipUri target, string localHost, int localPort)
    {
        var from = new SipNameAddress(
            call.FromDisplayName,
            new SipUri("sip", call.FromUser, call.FromHost ?? localHost, null),
            [new("tag", SipIdentifiers.NewTag())]);
        var to = new SipNameAddress(null, target with { Parameters = [], Headers = null }, []);
        var headers = new List<SipHeader>(12 + call.ExtraHeaders.Count)
        {
            Via(localHost, localPort),
            SipHeader.Create(SipHeaderNames.MaxForwards, "70"),
            SipHeader.Create(SipHeaderNames.From, from.ToString()),
            SipHeader.Create(SipHeaderNames.To, to.ToString()),
            SipHeader.Create(SipHeaderNames.CallId, SipIdentifiers.NewCallId()),
            SipHeader.Create(SipHeaderNames.CSeq, "1 INVITE"),
            Contact(localHost, localPort),
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
    public static SipRequest CreateAck(SipDialog dialog, uint inviteSequence, string localHost, int localPort) =>
        CreateInDialog(dialog, SipMethod.Ack, inviteSequence, localHost, localPort);

    public static SipRequest CreateBye(SipDialog dialog, string localHost, int localPort) =>
        CreateInDialog(dialog, SipMethod.Bye, dialog.NextSequence(), localHost, localPort);

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

    private static SipRequest CreateInDialog(SipDialog dialog, SipMethod method, uint sequence, string localHost, int localPort)
    {
        var headers = new List<SipHeader>(10 + dialog.RouteSet.Count)
        {
            Via(localHost, localPort),
            SipHeader.Create(SipHeaderNames.MaxForwards, "70"),
            SipHeader.Create(SipHeaderNames.From, dialog.Local.ToString()),
            SipHeader.Create(SipHeaderNames.To, dialog.Remote.ToString()),
            SipHeader.Create(SipHeaderNames.CallId, dialog.CallId),
            SipHeader.Create(SipHeaderNames.CSeq, string.Create(CultureInfo.InvariantCulture, $"{sequence} {method.Name}")),
        };
        foreach (var route in dialog.RouteSet)
        {
            headers.Add(SipHeader.Create(SipHeaderNames.Route, route));
        }

        if (method != SipMethod.Ack)
        {
            headers.Add(SipHeader.Create(SipHeaderNames.UserAgent, UserAgentValue));
        }

        return new SipRequest(method, dialog.RemoteTarget, headers, ReadOnlyMemory<byte>.Empty);
    }

    // RFC 3581 §3: ask for rport so responses come back to the port we sent from, through NAT.
    private static SipHeader Via(string localHost, int localPort) =>
        SipHeader.Create(SipHeaderNames.Via, string.Create(CultureInfo.InvariantCulture, $"SIP/2.0/UDP {localHost}:{localPort};branch={SipIdentifiers.NewBranch()};rport"));

    private static SipHeader Contact(string localHost, int localPort) =>
        SipHeader.Create(SipHeaderNames.Contact, string.Create(CultureInfo.InvariantCulture, $"<sip:{localHost}:{localPort}>"));
}
