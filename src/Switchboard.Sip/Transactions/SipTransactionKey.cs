using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Matches messages to transactions by the top Via branch and the method (RFC 3261 §17.1.3 for responses,
/// §17.2.3 for requests, where an ACK to a non-2xx final response matches its INVITE).
/// </summary>
public readonly record struct SipTransactionKey(string Branch, string Method, bool IsServer)
{
    public static SipTransactionKey? ForResponse(SipResponse response) =>
        response.TopVia?.Branch is { } branch && response.CSeq is { } cseq ? new(branch, cseq.Method.Name, false) : null;

    /// <summary>The key a client transaction registers under for the request it sends.</summary>
    public static SipTransactionKey ForClient(SipRequest request) =>
        request.TopVia?.Branch is { } branch && request.CSeq is { } cseq
            ? new(branch, cseq.Method.Name, false)
            : throw new ArgumentException("The request needs a Via branch and a CSeq.", nameof(request));

    public static SipTransactionKey? ForRequest(SipRequest request)
    {
        if (request.TopVia?.Branch is not { } branch || !branch.StartsWith(SipVia.MagicCookie, StringComparison.Ordinal))
        {
            // RFC 2543 peers without the magic cookie are not supported for server transaction matching.
            return null;
        }

        var method = request.Method == SipMethod.Ack ? SipMethod.Invite : request.Method;
        return new(branch, method.Name, true);
    }
}
