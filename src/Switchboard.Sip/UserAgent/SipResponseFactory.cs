using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Builds a response to a request (RFC 3261 §8.2.6.2): all Via values, From, Call-ID and CSeq copied, To copied
/// with a tag added when it has none.
/// </summary>
internal static class SipResponseFactory
{
    public static SipResponse Create(SipRequest request, int statusCode, string reasonPhrase, string? toTag, params SipHeader[] extraHeaders)
    {
        var headers = new List<SipHeader>(8 + extraHeaders.Length);
        foreach (var header in request.Headers)
        {
            switch (header.Name)
            {
                case SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq:
                    headers.Add(header);
                    break;
                case SipHeaderNames.To:
                    headers.Add(toTag is not null && statusCode > 100 && request.To is { Tag: null } to
                        ? SipHeader.Create(SipHeaderNames.To, to.WithTag(toTag).ToString())
                        : header);
                    break;
            }
        }

        headers.Add(SipHeader.Create(SipHeaderNames.Server, SipRequestFactory.UserAgentValue));
        headers.AddRange(extraHeaders);
        return new SipResponse(statusCode, reasonPhrase, headers, ReadOnlyMemory<byte>.Empty);
    }
}
