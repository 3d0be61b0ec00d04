using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Builds the ACK the INVITE client transaction sends for a 300–699 response (RFC 3261 §17.1.1.3): same
/// Request-URI, Call-ID, From, top Via and Route as the INVITE, To from the response, CSeq number with ACK.
/// </summary>
internal static class NonSuccessAckFactory
{
    public static SipRequest Create(SipRequest invite, SipResponse response)
    {
        var headers = new List<SipHeader>(8);
        var topViaCopied = false;
        foreach (var header in invite.Headers)
        {
            switch (header.Name)
            {
                case SipHeaderNames.Via when !topViaCopied:
                    topViaCopied = true;
                    var values = invite.GetHeaderValues(SipHeaderNames.Via);
                    headers.Add(header with { Value = values[0] });
                    break;
                case SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.Route or SipHeaderNames.MaxForwards:
                    headers.Add(header);
                    break;
            }
        }

        if (response.TryGetHeader(SipHeaderNames.To, out var to))
        {
            headers.Add(new SipHeader(SipHeaderNames.To, to));
        }

        var number = invite.CSeq?.Number ?? 0;
        headers.Add(SipHeader.Create(SipHeaderNames.CSeq, $"{number} ACK"));
        return new SipRequest(SipMethod.Ack, invite.RequestUri, headers, ReadOnlyMemory<byte>.Empty);
    }
}
