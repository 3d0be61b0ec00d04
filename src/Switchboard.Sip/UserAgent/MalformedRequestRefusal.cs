using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Answers a request that cannot be routed, statelessly, with the status its fault calls for (400, 416 or 505 from
/// <see cref="SipParseError.StatusCode"/>) and the fault as the reason phrase (RFC 3261 §8.2, §21.4.1; RFC 4475 §3.1.2).
/// The answer goes where any response would (§18.2.2): back on the connection, or over UDP to the top Via's sent-by.
/// A request with no readable top Via has nowhere to be answered, and an ACK is never answered (§17.2.3): both are
/// dropped and counted.
/// </summary>
internal sealed class MalformedRequestRefusal(SipUserAgent agent, ILogger logger)
{
    public void Refuse(SipMessage request, SipParseError error, IPEndPoint remote, ISipTransport transport)
    {
        if (IsAck(request) || TopViaOfAnyVersion(request) is not { } via)
        {
            agent.CountDropped(remote, error.Reason);
            return;
        }

        var response = SipResponseFactory.CreateRefusal(request, error.StatusCode, error.Reason);
        Log.RejectedMalformed(logger, remote, error.StatusCode, error.Reason);
        try
        {
            transport.Send(SipMessageWriter.ToArray(response), transport.IsReliable ? remote : SipResponseRouting.GetResponseDestination(via, remote));
        }
        catch (SocketException)
        {
            agent.CountDropped(remote, error.Reason);
        }
    }

    /// <summary>The start line or the CSeq says ACK: either is reason enough not to answer.</summary>
    private static bool IsAck(SipMessage request) => request switch
    {
        SipRequest routable => routable.Method == SipMethod.Ack || routable.CSeq?.Method == SipMethod.Ack,
        SipPartialRequest partial => partial.IsAck,
        _ => true,
    };

    /// <summary>The top Via, read even when its version is not 2.0 so that a 505 can reach the sender (RFC 4475 §3.1.2.16).</summary>
    private static SipVia? TopViaOfAnyVersion(SipMessage request)
    {
        if (request.TopVia is { } via)
        {
            return via;
        }

        if (!request.TryGetHeader(SipHeaderNames.Via, out var value))
        {
            return null;
        }

        var comma = SipSyntax.IndexOfUnquoted(value.Span, (byte)',');
        return SipVia.TryParseAnyVersion(comma < 0 ? value.Span : value.Span[..comma], out var anyVersion) ? anyVersion : null;
    }
}
