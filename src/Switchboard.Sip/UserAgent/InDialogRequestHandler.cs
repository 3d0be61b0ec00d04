using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Answers what the peer sends inside one call's dialog (RFC 3261 §12.2.2): BYE (§15.1.2), re-INVITE (§14.2),
/// UPDATE (RFC 3311), INFO (RFC 6086), REFER and the NOTIFYs of our own REFER (RFC 3515) and OPTIONS (§11.2). Offers are answered synchronously by the call's
/// <see cref="ISipOfferAnswerer"/>, because the answer travels in the response.
/// </summary>
internal sealed class InDialogRequestHandler(SipCall call)
{
    /// <summary>
    /// A non-INVITE request: <paramref name="send"/> sends the response on its server transaction, and what the
    /// request reports reaches the observer only after that, so a REFER's NOTIFYs follow its 202 (RFC 3515 §2.4.4).
    /// </summary>
    public void Respond(SipRequest request, Action<SipResponse> send)
    {
        SipCallReferred? referred = null;
        send(request.Method == SipMethod.Refer ? AnswerRefer(request, out referred) : Answer(request));
        call.Report(referred);
    }

    /// <summary>A non-INVITE request but REFER; returns the response for its server transaction.</summary>
    private SipResponse Answer(SipRequest request)
    {
        if (request.Method == SipMethod.Bye)
        {
            return AnswerBye(request);
        }

        lock (call.Gate)
        {
            if (Refuse(request, isOffer: false) is { } refusal)
            {
                return refusal;
            }
        }

        if (request.Method == SipMethod.Update)
        {
            return AnswerUpdate(request);
        }

        if (request.Method == SipMethod.Info)
        {
            return AnswerInfo(request);
        }

        if (request.Method == SipMethod.Notify)
        {
            return AnswerNotify(request);
        }

        if (request.Method == SipMethod.Message && call.ForwardsInDialogRequests)
        {
            // RFC 3428 §7: 202 says it was taken, not that a person read it.
            return Forward(request, 202, "Accepted");
        }

        if (request.Method == SipMethod.Options)
        {
            return SipResponseFactory.Create(request, 200, "OK", null,
                SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue), SipHeader.Create("Accept", "application/sdp"));
        }

        return SipResponseFactory.Create(request, 501, "Not Implemented", null, SipHeader.Create(SipHeaderNames.Allow, SipRequestFactory.AllowValue));
    }

    /// <summary>
    /// A re-INVITE (RFC 3261 §14.2). With an offer, the answerer's SDP goes in the 200 (or 488 when it refuses);
    /// without one, the 200 re-offers our last description and the answer comes in the ACK. The 200 is retransmitted
    /// until that ACK like any 2xx to INVITE.
    /// </summary>
    public void OnReinvite(SipRequest invite, InviteServerTransaction transaction, IPEndPoint responseDestination)
    {
        var offer = SdpOf(invite);
        lock (call.Gate)
        {
            if (Refuse(invite, isOffer: true) is { } refusal)
            {
                transaction.SendResponse(refusal);
                return;
            }

            call.RemoteOfferPending = true;
        }

        var answer = AnswerOffer(offer);
        SipResponse response;
        SipCallEvent? report = null;
        lock (call.Gate)
        {
            call.RemoteOfferPending = false;
            if (call.State is not (SipCallState.Accepted or SipCallState.Confirmed))
            {
                // The dialog ended while the offer was being answered (RFC 3261 §15.1.2 answers pending requests 487).
                response = SipResponseFactory.Create(invite, 487, "Request Terminated", null);
            }
            else if (offer is not null && answer is null)
            {
                response = SipResponseFactory.Create(invite, 488, "Not Acceptable Here", null);
            }
            else
            {
                var sdp = answer ?? call.LocalSdp;
                call.Dialog!.RefreshRemoteTarget(invite);
                call.LocalSdp = sdp;
                response = SipResponseFactory.CreateForDialog(invite, 200, "OK", call.LocalTag, call.LocalContact(), sdp);
                call.AwaitAckLocked(response, responseDestination, isInitialInvite: false, offer is null ? sdp : null);
                report = offer is null ? null : new SipCallSessionModified(offer, answer!);
            }
        }

        transaction.SendResponse(response);
        call.Report(report);
    }

    private SipResponse AnswerBye(SipRequest bye)
    {
        SipCallEvent? report;
        lock (call.Gate)
        {
            if (call.Dialog is null || !call.Dialog.Matches(bye) || call.State == SipCallState.Ended)
            {
                return SipResponseFactory.Create(bye, 481, "Call/Transaction Does Not Exist", null);
            }

            report = call.EndOnByeLocked();
        }

        call.Finish(report);
        return SipResponseFactory.Create(bye, 200, "OK", null);
    }

    /// <summary>RFC 3311 §5.2: an UPDATE's offer is answered in its 200; without an offer it only refreshes the target.</summary>
    private SipResponse AnswerUpdate(SipRequest update)
    {
        var offer = SdpOf(update);
        if (offer is not null)
        {
            lock (call.Gate)
            {
                if (Refuse(update, isOffer: true) is { } refusal)
                {
                    return refusal;
                }

                call.RemoteOfferPending = true;
            }
        }

        var answer = AnswerOffer(offer);
        SipResponse response;
        lock (call.Gate)
        {
            call.RemoteOfferPending = false;
            if (offer is not null && answer is null)
            {
                return SipResponseFactory.Create(update, 488, "Not Acceptable Here", null);
            }

            call.Dialog!.RefreshRemoteTarget(update);
            call.LocalSdp = answer ?? call.LocalSdp;
            response = SipResponseFactory.CreateForDialog(update, 200, "OK", call.LocalTag, call.LocalContact(), answer);
        }

        call.Report(offer is null ? null : new SipCallSessionModified(offer, answer!));
        return response;
    }

    /// <summary>
    /// A NOTIFY belongs to the subscription of our REFER (RFC 3515 §2.4.4), which answers it; without one there is
    /// no subscription to notify (RFC 6665 §4.1.3: 481).
    /// </summary>
    private SipResponse AnswerNotify(SipRequest notify)
    {
        SipResponse response;
        SipCallReferNotify? report = null;
        lock (call.Gate)
        {
            response = call.ReferSubscriptionLocked is { } refer
                ? refer.Answer(notify, out report)
                : SipResponseFactory.Create(notify, 481, "Subscription Does Not Exist", null);
        }

        call.Report(report);
        return response;
    }

    /// <summary>
    /// RFC 3515 §2.4.2: a REFER with exactly one Refer-To is accepted (202) and reported; whether the transfer happens
    /// is the application's to decide, and the NOTIFYs it owes say so. Without a Refer-To, or with several, 400.
    /// </summary>
    private SipResponse AnswerRefer(SipRequest refer, out SipCallReferred? referred)
    {
        referred = null;
        lock (call.Gate)
        {
            if (Refuse(refer, isOffer: false) is { } refusal)
            {
                return refusal;
            }
        }

        var referTo = refer.Headers.Where(header => header.Name == SipHeaderNames.ReferTo).Select(header => header.ValueAsString()).ToList();
        if (referTo.Count != 1 || string.IsNullOrWhiteSpace(referTo[0]))
        {
            return SipResponseFactory.Create(refer, 400, referTo.Count == 0 ? "Missing Refer-To" : "Exactly One Refer-To Allowed", null);
        }

        var custom = refer.Headers
            .Where(header => header.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            .Select(header => KeyValuePair.Create(header.Name, header.ValueAsString()))
            .ToList();
        referred = new SipCallReferred(
            referTo[0].Trim(), refer.GetHeader(SipHeaderNames.ReferredBy), refer.GetHeader(SipHeaderNames.UserAgent), custom, refer.CSeq!.Value.Number);
        return SipResponseFactory.Create(refer, 202, "Accepted", null);
    }

    /// <summary>RFC 6086 §4.2: INFO bodies we do not understand get 415 naming the ones we do.</summary>
    private SipResponse AnswerInfo(SipRequest info)
    {
        if (info.Body.IsEmpty)
        {
            return SipResponseFactory.Create(info, 200, "OK", null);
        }

        var mediaType = MediaTypeOf(info);
        if ((mediaType is null || !DtmfInfoBody.IsDtmf(mediaType)) && call.ForwardsInDialogRequests)
        {
            return Forward(info, 200, "OK");
        }

        if (mediaType is null || !DtmfInfoBody.IsDtmf(mediaType))
        {
            return SipResponseFactory.Create(info, 415, "Unsupported Media Type", null,
                SipHeader.Create("Accept", $"{DtmfInfoBody.RelayContentType}, {DtmfInfoBody.PlainContentType}"));
        }

        if (!DtmfInfoBody.TryParse(mediaType, info.Body.Span, out var dtmf))
        {
            return SipResponseFactory.Create(info, 400, "Malformed DTMF Body", null);
        }

        call.Report(dtmf);
        return SipResponseFactory.Create(info, 200, "OK", null);
    }

    /// <summary>Answers <paramref name="request"/> with <paramref name="status"/> and reports it for the application.</summary>
    private SipResponse Forward(SipRequest request, int status, string reason)
    {
        var headers = request.Headers.Select(header => KeyValuePair.Create(header.Name, header.ValueAsString())).ToList();
        call.Report(new SipCallRequestReceived(request.Method, request.GetHeader(SipHeaderNames.ContentType), request.BodyAsString(), headers));
        return SipResponseFactory.Create(request, status, reason, null);
    }

    /// <summary>
    /// The checks every in-dialog request passes, in RFC 3261 order: the dialog exists (§12.2.2, else 481), the CSeq
    /// is not below the last one (else 500), and for an offer, no other offer is outstanding: ours gets 491 (§14.2,
    /// RFC 3311 §5.2), the peer's own unanswered one 500 with Retry-After. Call under the call's gate.
    /// </summary>
    private SipResponse? Refuse(SipRequest request, bool isOffer)
    {
        var dialog = call.Dialog;
        if (dialog is null || !dialog.Matches(request) || call.State == SipCallState.Ended
            || (request.Method == SipMethod.Invite && call.State is not (SipCallState.Accepted or SipCallState.Confirmed)))
        {
            return SipResponseFactory.Create(request, 481, "Call/Transaction Does Not Exist", null);
        }

        if (!dialog.TryAcceptRemoteSequence(request.CSeq!.Value.Number))
        {
            return SipResponseFactory.Create(request, 500, "Request Out Of Order", null);
        }

        if (!isOffer)
        {
            return null;
        }

        if (call.LocalOfferPending || call.State == SipCallState.Accepted || call.AwaitingAck)
        {
            return SipResponseFactory.Create(request, 491, "Request Pending", null);
        }

        if (call.RemoteOfferPending || call.State is not (SipCallState.Accepted or SipCallState.Confirmed))
        {
            var retryAfter = RandomNumberGenerator.GetInt32(0, 11).ToString(CultureInfo.InvariantCulture);
            return SipResponseFactory.Create(request, 500, "Server Internal Error", null, SipHeader.Create("Retry-After", retryAfter));
        }

        return null;
    }

    private string? AnswerOffer(string? offer)
    {
        if (offer is null)
        {
            return null;
        }

        try
        {
            return call.CurrentAnswerer?.AnswerOffer(offer);
        }
#pragma warning disable CA1031 // An answerer that throws leaves the offer refused (488), not the dialog stuck with an offer pending.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.OfferAnswererFailed(call.Agent.Logger, call.CallId, ex);
            return null;
        }
    }

    private static string? SdpOf(SipRequest request) =>
        !request.Body.IsEmpty && string.Equals(MediaTypeOf(request), "application/sdp", StringComparison.OrdinalIgnoreCase)
            ? request.BodyAsString()
            : null;

    /// <summary>The Content-Type without parameters (RFC 3261 §20.15).</summary>
    private static string? MediaTypeOf(SipRequest request)
    {
        var contentType = request.ContentType;
        if (contentType is null)
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
    }
}
