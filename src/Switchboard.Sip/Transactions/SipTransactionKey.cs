using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Matches messages to transactions (RFC 3261 §17.1.3 for responses: the top Via branch and the CSeq method;
/// §17.2.3 for requests: the branch, the top Via's sent-by and the method, where an ACK to a non-2xx final response
/// and a CANCEL find their INVITE). Two clients that happen to pick the same branch are two transactions.
/// </summary>
public readonly record struct SipTransactionKey(string Branch, string Method, bool IsServer)
{
    /// <summary>
    /// A server transaction's top Via sent-by (host and port, RFC 3261 §17.2.3); empty for a client transaction,
    /// whose Via is our own.
    /// </summary>
    public string SentBy { get; init; } = string.Empty;

    public static SipTransactionKey? ForResponse(SipResponse response) =>
        response.TopVia?.Branch is { } branch && response.CSeq is { } cseq ? new(branch, cseq.Method.Name, false) : null;

    /// <summary>The key a client transaction registers under for the request it sends.</summary>
    public static SipTransactionKey ForClient(SipRequest request) =>
        request.TopVia?.Branch is { } branch && request.CSeq is { } cseq
            ? new(branch, cseq.Method.Name, false)
            : throw new ArgumentException("The request needs a Via branch and a CSeq.", nameof(request));

    /// <summary>The server transaction a received request belongs to; null when it lacks what identifies one.</summary>
    public static SipTransactionKey? ForRequest(SipRequest request)
    {
        if (request.TopVia is not { } via || request.CSeq is not { } cseq)
        {
            return null;
        }

        var method = request.Method == SipMethod.Ack ? SipMethod.Invite : request.Method;
        var sentBy = SentByOf(via);
        if (via.Branch is { } branch && branch.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal))
        {
            return new(branch, method.Name, true) { SentBy = sentBy };
        }

        // RFC 3261 §17.2.3, for RFC 2543 peers without the magic cookie: the Request-URI, From tag, Call-ID, CSeq number
        // and top Via identify the transaction. The To tag is left out: an ACK carries the tag our response added, and
        // must still find its INVITE.
        if (request.CallId is not { } callId)
        {
            return null;
        }

        var identity = string.Join('|', "rfc2543", request.RequestUri.ToString(), request.From?.Tag, callId, cseq.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), via.ToString());
        return new(identity, method.Name, true) { SentBy = sentBy };
    }

    /// <summary>The sent-by of <paramref name="via"/>: host (case-insensitive) and port, the transport's default when absent.</summary>
    private static string SentByOf(SipVia via)
    {
        var port = via.Port ?? (via.Transport.Equals("TLS", StringComparison.OrdinalIgnoreCase) ? 5061 : 5060);
        return via.Host.ToLowerInvariant() + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
