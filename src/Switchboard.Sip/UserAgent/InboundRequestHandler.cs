using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Answers requests the user agent receives (RFC 3261 §8.2): BYE for our dialogs, OPTIONS, and the rejections
/// a UA owes for what it does not do yet. Retransmissions never get here: server transactions absorb them.
/// </summary>
internal sealed class InboundRequestHandler(SipUserAgent agent, SipTransactionLayer transactions, ISipTransport transport, ILogger logger)
{
    public void Handle(SipRequest request, SipParseError? error, IPEndPoint remote)
    {
        if (error is not null)
        {
            RejectMalformed(request, error, remote);
            return;
        }

        if (transactions.TryAbsorbRequest(request))
        {
            return;
        }

        var destination = SipResponseRouting.GetResponseDestination(request.TopVia!, remote);
        Log.RequestReceived(logger, request.Method.Name, request.CallId ?? string.Empty, remote);
        if (request.Method == SipMethod.Ack)
        {
            // An ACK matching no transaction is for a 2xx we never sent (RFC 3261 §17.2.3): nothing to do.
            return;
        }

        if (request.Method == SipMethod.Invite)
        {
            // Inbound routing comes later: refuse with a reason the caller can log (RFC 3326 Reason header).
            var invite = transactions.CreateInviteServerTransaction(request, destination);
            invite.SendResponse(SipResponseFactory.Create(request, 480, "Temporarily Unavailable", SipIdentifiers.NewTag(),
                SipHeader.Create(SipHeaderNames.Reason, "SIP;cause=480;text=\"Inbound calls are not routed yet\"")));
            return;
        }

        var transaction = transactions.CreateServerTransaction(request, destination);
        transaction.SendResponse(Answer(request));
    }

    private SipResponse Answer(SipRequest request)
    {
        if (request.Method == SipMethod.Bye)
        {
            return agent.FindCall(request.CallId) is { } call && call.OnRemoteBye(request)
                ? SipResponseFactory.Create(request, 200, "OK", null)
                : SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist", null);
        }

        if (request.Method == SipMethod.Options)
        {
            return SipResponseFactory.Create(request, 200, "OK", SipIdentifiers.NewTag(),
                SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue),
                SipHeader.Create("Accept", "application/sdp"));
        }

        if (request.Method == SipMethod.Cancel)
        {
            // Every INVITE we receive is answered at once, so there is never a pending one to cancel (§9.2).
            return SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist", null);
        }

        return SipResponseFactory.Create(request, 501, "Not Implemented", SipIdentifiers.NewTag(),
            SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue));
    }

    /// <summary>
    /// RFC 3261 §8.2 / §21.4.1: a request whose framing parsed but whose headers are wrong gets a stateless 400
    /// naming the problem, if it has a Via to answer to; ACKs are never answered.
    /// </summary>
    private void RejectMalformed(SipRequest request, SipParseError error, IPEndPoint remote)
    {
        if (request.Method == SipMethod.Ack || request.TopVia is not { } via)
        {
            agent.CountDropped(remote, error.Reason);
            return;
        }

        var response = SipResponseFactory.Create(request, 400, error.Reason, SipIdentifiers.NewTag());
        Log.RejectedMalformed(logger, remote, error.Reason);
        try
        {
            transport.Send(SipMessageWriter.ToArray(response), SipResponseRouting.GetResponseDestination(via, remote));
        }
        catch (System.Net.Sockets.SocketException)
        {
            agent.CountDropped(remote, error.Reason);
        }
    }
}
