using System.Buffers.Text;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// A SIP request or response: headers in received order (unknown ones kept) and a body. Typed accessors parse
/// the header bytes on demand, so a message that is only routed by its Via and CSeq never decodes the rest.
/// </summary>
public abstract class SipMessage
{
    private readonly List<SipHeader> _headers;

    // Typed values are parsed once on first use: validation reads them and the transaction layer and dialog read
    // them again. Headers are immutable after parsing except the top Via stamp, which clears its cache entry.
    private SipVia? _topVia;
    private SipNameAddress? _from;
    private SipNameAddress? _to;
    private string? _callId;
    private SipCSeq? _cseq;

    protected SipMessage(IEnumerable<SipHeader> headers, ReadOnlyMemory<byte> body)
    {
        _headers = [.. headers];
        Body = body;
    }

    public IReadOnlyList<SipHeader> Headers => _headers;

    public ReadOnlyMemory<byte> Body { get; }

    public string BodyAsString() => Encoding.UTF8.GetString(Body.Span);

    public bool TryGetHeader(string name, out ReadOnlyMemory<byte> value)
    {
        foreach (var header in _headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = header.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string? GetHeader(string name) => TryGetHeader(name, out var value) ? Encoding.UTF8.GetString(value.Span) : null;

    /// <summary>
    /// Every value of a list header, across repeated header lines and comma-separated values
    /// (RFC 3261 §7.3.1 makes the two forms equivalent).
    /// </summary>
    public List<ReadOnlyMemory<byte>> GetHeaderValues(string name)
    {
        var values = new List<ReadOnlyMemory<byte>>();
        foreach (var header in _headers)
        {
            if (!string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var remaining = header.Value;
            while (!remaining.IsEmpty)
            {
                var comma = SipSyntax.IndexOfUnquoted(remaining.Span, (byte)',');
                var item = comma < 0 ? remaining : remaining[..comma];
                if (!SipSyntax.Trim(item.Span).IsEmpty)
                {
                    values.Add(TrimMemory(item));
                }

                remaining = comma < 0 ? ReadOnlyMemory<byte>.Empty : remaining[(comma + 1)..];
            }
        }

        return values;
    }

    public IReadOnlyList<SipVia> Vias
    {
        get
        {
            var result = new List<SipVia>();
            foreach (var value in GetHeaderValues(SipHeaderNames.Via))
            {
                if (SipVia.TryParse(value.Span, out var via))
                {
                    result.Add(via);
                }
            }

            return result;
        }
    }

    public SipVia? TopVia => _topVia ??= ParseTopVia();

    public SipNameAddress? From => _from ??= ParseAddress(SipHeaderNames.From);

    public SipNameAddress? To => _to ??= ParseAddress(SipHeaderNames.To);

    public SipNameAddress? Contact => ParseAddress(SipHeaderNames.Contact);

    public string? CallId => _callId ??= GetHeader(SipHeaderNames.CallId);

    public SipCSeq? CSeq => _cseq ??= TryGetHeader(SipHeaderNames.CSeq, out var value) && SipCSeq.TryParse(value.Span, out var cseq) ? cseq : null;

    public int? MaxForwards => TryGetHeader(SipHeaderNames.MaxForwards, out var value)
        && Utf8Parser.TryParse(SipSyntax.Trim(value.Span), out int hops, out _) ? hops : null;

    public string? ContentType => GetHeader(SipHeaderNames.ContentType);

    public int ContentLength => Body.Length;

    /// <summary>Record-Route values in received order, as strings (RFC 3261 §12.1.2 builds the route set from them).</summary>
    public IReadOnlyList<string> RecordRoutes => GetStrings(SipHeaderNames.RecordRoute);

    public IReadOnlyList<string> Routes => GetStrings(SipHeaderNames.Route);

    internal void ReplaceFirstHeaderValue(string name, ReadOnlyMemory<byte> value)
    {
        _topVia = null;
        for (var i = 0; i < _headers.Count; i++)
        {
            if (string.Equals(_headers[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                // Only the first comma-separated element is replaced; the rest of the line is kept verbatim.
                var old = _headers[i].Value;
                var comma = SipSyntax.IndexOfUnquoted(old.Span, (byte)',');
                if (comma < 0)
                {
                    _headers[i] = _headers[i] with { Value = value };
                }
                else
                {
                    var combined = new byte[value.Length + old.Length - comma];
                    value.Span.CopyTo(combined);
                    old.Span[comma..].CopyTo(combined.AsSpan(value.Length));
                    _headers[i] = _headers[i] with { Value = combined };
                }

                return;
            }
        }
    }

    private SipVia? ParseTopVia()
    {
        if (!TryGetHeader(SipHeaderNames.Via, out var value))
        {
            return null;
        }

        var comma = SipSyntax.IndexOfUnquoted(value.Span, (byte)',');
        return SipVia.TryParse(comma < 0 ? value.Span : value.Span[..comma], out var via) ? via : null;
    }

    private SipNameAddress? ParseAddress(string name) =>
        TryGetHeader(name, out var value) && SipNameAddress.TryParse(value.Span, out var address) ? address : null;

    private List<string> GetStrings(string name) =>
        GetHeaderValues(name).ConvertAll(v => Encoding.UTF8.GetString(v.Span));

    private static ReadOnlyMemory<byte> TrimMemory(ReadOnlyMemory<byte> value)
    {
        var span = value.Span;
        var start = 0;
        while (start < span.Length && SipSyntax.IsWhitespace(span[start]))
        {
            start++;
        }

        var end = span.Length;
        while (end > start && SipSyntax.IsWhitespace(span[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }
}
