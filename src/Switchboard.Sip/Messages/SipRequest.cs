namespace Switchboard.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    public SipRequest(SipMethod method, SipUri requestUri, IEnumerable<SipHeader> headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        RequestUri = requestUri;
    }

    public SipMethod Method { get; }

    public SipUri RequestUri { get; }

    public override string ToString() => $"{Method} {RequestUri}";
}
