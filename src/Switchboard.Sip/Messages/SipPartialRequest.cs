namespace Switchboard.Sip.Messages;

/// <summary>
/// What could be read of a request that could not be parsed in full (a Request-URI with whitespace or in &lt;&gt;,
/// another SIP version, a scheme other than sip or sips, a Content-Length that cannot be honoured): its headers and
/// body, kept only so that it can be refused (RFC 3261 §8.2, RFC 4475 §3.1.2). It is never routed: it is not a
/// <see cref="SipRequest"/>.
/// </summary>
public sealed class SipPartialRequest : SipMessage
{
    public SipPartialRequest(string methodToken, IEnumerable<SipHeader> headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        MethodToken = methodToken;
    }

    /// <summary>The start line up to its first space, as received; empty when even that is not a token.</summary>
    public string MethodToken { get; }

    /// <summary>
    /// True when the start line or the CSeq says ACK: an ACK is never answered (RFC 3261 §17.2.3), so a malformed one
    /// is dropped.
    /// </summary>
    public bool IsAck => MethodToken == SipMethod.Ack.Name || CSeq?.Method == SipMethod.Ack;

    public override string ToString() => MethodToken;
}
