using System.Globalization;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Registration;

/// <summary>
/// Builds REGISTER as RFC 3261 §10.2 has a UA send it: the Request-URI names the registrar without a user, To and
/// From the address-of-record, one Call-ID for every registration of this client with CSeq rising (§10.2.4), and
/// our Contact with the Expires asked for.
/// </summary>
internal static class RegisterRequestFactory
{
    public static SipRequest Create(
        SipUri registrar,
        SipRegistrationOptions options,
        SipLocalAddress local,
        string callId,
        uint sequence,
        TimeSpan expires,
        IEnumerable<SipHeader> authorization)
    {
        var aor = new SipUri("sip", options.User, options.Domain ?? registrar.Host, null);
        var headers = new List<SipHeader>(12)
        {
            SipRequestFactory.Via(local),
            SipHeader.Create(SipHeaderNames.MaxForwards, "70"),
            SipHeader.Create(SipHeaderNames.From, new SipNameAddress(null, aor, [new("tag", SipIdentifiers.NewTag())]).ToString()),
            SipHeader.Create(SipHeaderNames.To, new SipNameAddress(null, aor, []).ToString()),
            SipHeader.Create(SipHeaderNames.CallId, callId),
            SipHeader.Create(SipHeaderNames.CSeq, string.Create(CultureInfo.InvariantCulture, $"{sequence} REGISTER")),
            SipHeader.Create(SipHeaderNames.Contact, $"<{ContactUri(options, local)}>"),
            SipHeader.Create(SipHeaderNames.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            SipHeader.Create(SipHeaderNames.UserAgent, SipRequestFactory.UserAgentValue),
        };
        headers.AddRange(authorization);
        return new SipRequest(SipMethod.Register, RequestUri(registrar), headers, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>The registrar's URI without user or headers: §10.2 "the Request-URI names the domain of the location service".</summary>
    public static SipUri RequestUri(SipUri registrar) => registrar with { User = null, Headers = null };

    /// <summary>Our contact carries the user, so requests the registrar routes to us name whom they are for.</summary>
    public static SipUri ContactUri(SipRegistrationOptions options, SipLocalAddress local) =>
        new("sip", options.User, local.Host, local.Port, local.IsTcp ? [new("transport", "tcp")] : [], null);
}
