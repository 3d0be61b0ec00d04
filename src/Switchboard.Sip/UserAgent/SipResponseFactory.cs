using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Builds a response to a request (RFC 3261 §8.2.6.2): all Via values, From, Call-ID and CSeq copied, To copied
/// with a tag added when it has none.
/// </summary>
internal static class SipResponseFactory
{
    public static SipResponse Create(SipRequest request, int statusCode, string reasonPhrase, string? toTag, params SipHeader[] extraHeaders) =>
        Create(request, statusCode, reasonPhrase, toTag, null, extraHeaders);

    /// <summary>A response with an optional body; <paramref name="contentType"/> goes with it.</summary>
    public static SipResponse Create(SipRequest request, int statusCode, string reasonPhrase, string? toTag, (string ContentType, string Body)? body, params SipHeader[] extraHeaders)
    {
        var headers = CopyRequestHeaders(request, statusCode, toTag, copyRecordRoute: false, 8 + extraHeaders.Length);
        headers.AddRange(extraHeaders);
        return Finish(statusCode, reasonPhrase, headers, body);
    }

    /// <summary>
    /// A stateless refusal of a request that could not be routed, a <see cref="SipPartialRequest"/> included: the
    /// headers it has are copied, a To tag is added when its To parses (RFC 3261 §8.2.6.2).
    /// </summary>
    public static SipResponse CreateRefusal(SipMessage request, int statusCode, string reasonPhrase) =>
        Finish(statusCode, reasonPhrase, CopyRequestHeaders(request, statusCode, SipIdentifiers.NewTag(), copyRecordRoute: false, 8), null);

    /// <summary>
    /// A response that creates or refreshes a dialog (1xx/2xx to INVITE, 2xx to UPDATE): RFC 3261 §12.1.1 copies
    /// Record-Route and adds our Contact; an SDP body goes with its Content-Type.
    /// </summary>
    public static SipResponse CreateForDialog(SipRequest request, int statusCode, string reasonPhrase, string toTag, SipHeader contact, string? sdp, params SipHeader[] extraHeaders)
    {
        var headers = CopyRequestHeaders(request, statusCode, toTag, copyRecordRoute: true, 12 + extraHeaders.Length);
        headers.Add(contact);
        headers.Add(SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue));
        headers.AddRange(extraHeaders);
        return Finish(statusCode, reasonPhrase, headers, sdp is null ? null : ("application/sdp", sdp));
    }

    private static List<SipHeader> CopyRequestHeaders(SipMessage request, int statusCode, string? toTag, bool copyRecordRoute, int capacity)
    {
        var headers = new List<SipHeader>(capacity);
        var copied = 0;
        foreach (var header in request.Headers)
        {
            // Only the first of each: a request refused for repeating them (RFC 4475 §3.3.8) still gets a response
            // with one of each.
            if (header.Name is SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId or SipHeaderNames.CSeq
                && !FirstOf(header.Name, ref copied))
            {
                continue;
            }

            switch (header.Name)
            {
                case SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq:
                    headers.Add(header);
                    break;
                case SipHeaderNames.RecordRoute when copyRecordRoute:
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
        return headers;
    }

    /// <summary>True the first time <paramref name="name"/> (From, To, Call-ID or CSeq) is met; <paramref name="copied"/> remembers.</summary>
    private static bool FirstOf(string name, ref int copied)
    {
        var bit = name switch
        {
            SipHeaderNames.From => 1,
            SipHeaderNames.To => 2,
            SipHeaderNames.CallId => 4,
            _ => 8,
        };
        var first = (copied & bit) == 0;
        copied |= bit;
        return first;
    }

    private static SipResponse Finish(int statusCode, string reasonPhrase, List<SipHeader> headers, (string ContentType, string Body)? body)
    {
        if (body is not { } content)
        {
            return new SipResponse(statusCode, reasonPhrase, headers, ReadOnlyMemory<byte>.Empty);
        }

        headers.Add(SipHeader.Create(SipHeaderNames.ContentType, content.ContentType));
        return new SipResponse(statusCode, reasonPhrase, headers, Encoding.UTF8.GetBytes(content.Body));
    }
}
