using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Checks the headers every request and response must carry (RFC 3261 §8.1.1) and that they parse. The reasons
/// name the offending header so a 400 tells the sender what to fix (RFC 3261 §21.4.1).
/// </summary>
internal static class SipMessageValidator
{
    /// <summary>
    /// Headers whose grammar is a single value (RFC 3261 §7.3.1, §20): a second one leaves no way to know which holds,
    /// so the message is refused rather than routed by a guess (RFC 4475 §3.1.2.19).
    /// </summary>
    private static readonly string[] SingleValued =
    [
        SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.MaxForwards,
        SipHeaderNames.ContentType, SipHeaderNames.ContentLength,
    ];

    public static SipParseError? Validate(SipMessage message)
    {
        if (RepeatedSingleValuedHeader(message) is { } repeated)
        {
            return new SipParseError(SipParseErrorKind.InvalidHeaderValue, repeated + " appears more than once");
        }

        if (!message.TryGetHeader(SipHeaderNames.Via, out _))
        {
            return Missing(SipHeaderNames.Via);
        }

        if (message.TopVia is null || !AllViasParse(message))
        {
            return Invalid(SipHeaderNames.Via);
        }

        if (!message.TryGetHeader(SipHeaderNames.From, out _))
        {
            return Missing(SipHeaderNames.From);
        }

        if (message.From is null)
        {
            return Invalid(SipHeaderNames.From);
        }

        if (!message.TryGetHeader(SipHeaderNames.To, out _))
        {
            return Missing(SipHeaderNames.To);
        }

        if (message.To is null)
        {
            return Invalid(SipHeaderNames.To);
        }

        if (!message.TryGetHeader(SipHeaderNames.CallId, out var callId))
        {
            return Missing(SipHeaderNames.CallId);
        }

        if (callId.IsEmpty)
        {
            return Invalid(SipHeaderNames.CallId);
        }

        if (!message.TryGetHeader(SipHeaderNames.CSeq, out _))
        {
            return Missing(SipHeaderNames.CSeq);
        }

        if (message.CSeq is not { } cseq)
        {
            return Invalid(SipHeaderNames.CSeq);
        }

        if (message is SipRequest request && cseq.Method != request.Method)
        {
            return new SipParseError(SipParseErrorKind.InvalidHeaderValue, "CSeq method does not match request method");
        }

        if (message.TryGetHeader(SipHeaderNames.MaxForwards, out _) && message.MaxForwards is null or < 0 or > 255)
        {
            return Invalid(SipHeaderNames.MaxForwards);
        }

        return null;
    }

    /// <summary>The first single-valued header met a second time; one pass, no enumerator (every parse runs it).</summary>
    private static string? RepeatedSingleValuedHeader(SipMessage message)
    {
        var headers = message.Headers;
        var seen = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            var index = Array.IndexOf(SingleValued, headers[i].Name);
            if (index < 0)
            {
                continue;
            }

            var bit = 1 << index;
            if ((seen & bit) != 0)
            {
                return SingleValued[index];
            }

            seen |= bit;
        }

        return null;
    }

    /// <summary>Every Via value, not only the top one, and no empty list elements (RFC 4475 §3.1.2.1).</summary>
    private static bool AllViasParse(SipMessage message)
    {
        foreach (var header in message.Headers)
        {
            if (!string.Equals(header.Name, SipHeaderNames.Via, StringComparison.Ordinal))
            {
                continue;
            }

            var remaining = header.Value.Span;
            while (true)
            {
                var comma = SipSyntax.IndexOfUnquoted(remaining, (byte)',');
                if (!SipVia.TryParse(comma < 0 ? remaining : remaining[..comma], out _))
                {
                    return false;
                }

                if (comma < 0)
                {
                    break;
                }

                remaining = remaining[(comma + 1)..];
            }
        }

        return true;
    }

    private static SipParseError Missing(string header) => new(SipParseErrorKind.MissingHeader, $"Missing {header} header");

    private static SipParseError Invalid(string header) => new(SipParseErrorKind.InvalidHeaderValue, $"Malformed {header} header");
}
