using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Routes the requests the user agent receives (RFC 3261 §8.2): new INVITEs become <see cref="InboundCall"/>s,
/// in-dialog requests go to their call, CANCEL to the INVITE it cancels, and the rest get the answers a UA owes.
/// Retransmissions never get here: server transactions absorb them.
/// </summary>
internal sealed class InboundRequestHandler(SipUserAgent agent, SipTransactionLayer transactions, MalformedRequestRefusal refusal, ILogger logger)
{
    public void Handle(SipRequest request, SipParseError? error, IPEndPoint remote, ISipTransport transport)
    {
        if (error is not null)
        {
            refusal.Refuse(request, error, remote, transport);
            return;
        }

        if (transactions.TryAbsorbRequest(request))
        {
            return;
        }

        // RFC 3261 §18.2.2: over a connection the response goes back on it, to the source; over UDP by the Via.
        var destination = transport.IsReliable ? remote : SipResponseRouting.GetResponseDestination(request.TopVia!, remote);
        Log.RequestReceived(logger, request.Method.Name, request.CallId ?? string.Empty, remote);
        if (request.Method == SipMethod.Ack)
        {
            // An ACK matching no transaction acknowledges a 2xx (RFC 3261 §17.2.3); the dialog's call takes it.
            agent.Calls.Find(request.CallId, request.To?.Tag)?.OnAck(request);
            return;
        }

        if (request.Method == SipMethod.Invite)
        {
            var invite = transactions.CreateInviteServerTransaction(request, destination, transport);
            if (request.To?.Tag is not null)
            {
                OnReinvite(request, invite, destination);
            }
            else
            {
                OnNewInvite(request, invite, remote, destination, transport);
            }

            return;
        }

        var transaction = transactions.CreateServerTransaction(request, destination, transport);
        if (request.Method == SipMethod.Cancel)
        {
            AnswerCancel(request, transaction);
            return;
        }

        if (RefuseUnknownExtensions(request) is { } badExtension)
        {
            transaction.SendResponse(badExtension);
            return;
        }

        if (request.Method == SipMethod.Register && agent.Registrar is { } registrar)
        {
            // The registrar asks its credential directory, so it answers on the transaction when that returns.
            agent.Background.Run(() => registrar.HandleAsync(request, transaction, remote));
            return;
        }

        if (request.To?.Tag is { } localTag && agent.Calls.Find(request.CallId, localTag) is { } call)
        {
            call.InDialog.Respond(request, transaction.SendResponse);
            return;
        }

        transaction.SendResponse(Answer(request));
    }

    private void OnNewInvite(SipRequest request, InviteServerTransaction transaction, IPEndPoint remote, IPEndPoint destination, ISipTransport transport)
    {
        if (RefuseUnsupported(request) is { } refusal)
        {
            transaction.SendResponse(refusal);
            return;
        }

        var handler = agent.InboundCalls;
        if (handler is null)
        {
            // Nobody takes inbound calls: refuse with a reason the caller can log (RFC 3326 Reason header).
            transaction.SendResponse(SipResponseFactory.Create(request, 480, "Temporarily Unavailable", SipIdentifiers.NewTag(),
                SipHeader.Create(SipHeaderNames.Reason, "SIP;cause=480;text=\"Inbound calls are not routed\"")));
            return;
        }

        var local = new SipLocalAddress(agent.GetLocalHostToward(remote.Address), agent.LocalEndPoint.Port, transport.Protocol);
        var call = new InboundCall(agent, request, transaction, remote, destination, local, transport);
        if (!agent.Calls.TryAdd(call))
        {
            // RFC 3261 §8.2.2.2: the same request reached us twice by different paths; only the first is taken.
            Log.MergedRequest(logger, call.CallId, remote);
            transaction.SendResponse(SipResponseFactory.Create(request, 482, "Loop Detected", SipIdentifiers.NewTag()));
            return;
        }

        call.SendTrying();
        Log.IncomingCall(logger, call.CallId, remote, request.RequestUri.ToString());
        try
        {
            handler.OnIncomingCall(call);
        }
#pragma warning disable CA1031 // A failing handler must still leave the caller with a final response.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.InboundHandlerFailed(logger, call.CallId, ex);
            call.Refuse(500, "Server Internal Error", "The call could not be taken");
        }
    }

    private void OnReinvite(SipRequest request, InviteServerTransaction transaction, IPEndPoint destination)
    {
        if (agent.Calls.Find(request.CallId, request.To!.Tag) is { } call)
        {
            call.InDialog.OnReinvite(request, transaction, destination);
        }
        else
        {
            transaction.SendResponse(SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist", null));
        }
    }

    /// <summary>
    /// RFC 3261 §9.2: a CANCEL matches the INVITE server transaction with its branch. If one exists the CANCEL is
    /// answered 200 whatever the INVITE's state, and a still unanswered INVITE then gets 487; otherwise 481.
    /// </summary>
    private void AnswerCancel(SipRequest cancel, NonInviteServerTransaction transaction)
    {
        if (SipTransactionKey.ForRequest(cancel) is not { } key
            || !transactions.HasServerTransaction(key with { Method = SipMethod.Invite.Name }))
        {
            transaction.SendResponse(SipResponseFactory.Create(cancel, 481, "Call/Transaction Does Not Exist", null));
            return;
        }

        var inviteKey = key with { Method = SipMethod.Invite.Name };
        var call = agent.Calls.FindByInvite(inviteKey);
        transaction.SendResponse(SipResponseFactory.Create(cancel, 200, "OK", call?.LocalTag));
        call?.OnCancel();
    }

    private SipResponse Answer(SipRequest request)
    {
        if (request.To?.Tag is not null)
        {
            // RFC 3261 §12.2.2: a request with a To tag belongs to a dialog (answered by its call), or gets 481.
            return SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist", null);
        }

        if (request.Method == SipMethod.Bye || request.Method == SipMethod.Info || request.Method == SipMethod.Update)
        {
            // These exist only inside a dialog.
            return SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist", null);
        }

        if (request.Method == SipMethod.Options)
        {
            return SipResponseFactory.Create(request, 200, "OK", SipIdentifiers.NewTag(),
                SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue),
                SipHeader.Create("Accept", "application/sdp"));
        }

        return SipResponseFactory.Create(request, 501, "Not Implemented", SipIdentifiers.NewTag(),
            SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue));
    }

    /// <summary>
    /// RFC 3261 §8.2.2.3: an extension the caller requires is one we do not support (we support none), so 420
    /// names it; §8.2.3: a body other than SDP gets 415 with what we accept, and an Accept without SDP gets 406.
    /// </summary>
    private static SipResponse? RefuseUnsupported(SipRequest request)
    {
        if (RefuseUnknownExtensions(request) is { } badExtension)
        {
            return badExtension;
        }

        if (!request.Body.IsEmpty && request.ContentType is { } type && !type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            return SipResponseFactory.Create(request, 415, "Unsupported Media Type", SipIdentifiers.NewTag(), SipHeader.Create("Accept", "application/sdp"));
        }

        if (!AcceptsSdp(request))
        {
            // RFC 3261 §21.4.7: the answer would carry SDP, which the caller's Accept rules out (RFC 4475 §3.3.15).
            return SipResponseFactory.Create(request, 406, "Not Acceptable", SipIdentifiers.NewTag(),
                SipHeader.Create("Accept", "application/sdp"),
                SipHeader.Create("Warning", "399 switchboard \"An INVITE is answered with application/sdp only\""));
        }

        return null;
    }

    /// <summary>
    /// RFC 3261 §20.1: without Accept, application/sdp is assumed; with it, one media range must cover SDP (an empty
    /// Accept accepts nothing).
    /// </summary>
    private static bool AcceptsSdp(SipRequest request)
    {
        if (!request.TryGetHeader("Accept", out _))
        {
            return true;
        }

        foreach (var value in request.GetHeaderValues("Accept"))
        {
            var span = value.Span;
            var semicolon = span.IndexOf((byte)';');
            var range = SipSyntax.Trim(semicolon < 0 ? span : span[..semicolon]);
            if (System.Text.Ascii.EqualsIgnoreCase(range, "application/sdp"u8) || System.Text.Ascii.EqualsIgnoreCase(range, "application/*"u8) || range.SequenceEqual("*/*"u8))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// RFC 3261 §8.2.2.3: a request that requires an extension gets 420 naming it in Unsupported, since this agent
    /// requires none of a peer's; CANCEL and ACK never are (their INVITE decided), so the caller passes neither here.
    /// </summary>
    private static SipResponse? RefuseUnknownExtensions(SipRequest request)
    {
        var required = request.GetHeaderValues("Require");
        if (required.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", required.Select(r => System.Text.Encoding.UTF8.GetString(r.Span)));
        return SipResponseFactory.Create(request, 420, "Bad Extension", SipIdentifiers.NewTag(), SipHeader.Create("Unsupported", names));
    }
}
