using Microsoft.Extensions.Logging;
using Switchboard.Media.Sessions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>
/// The SIP side of one call, one strategy per direction: it starts the dialog, turns SIP events into
/// <see cref="CallFact"/>s and keeps the setup's SIP facts in <see cref="Setup"/>, so the call's loop never asks
/// which direction it has. Every member but the constructor runs on the call's loop.
/// </summary>
internal abstract class CallSignalling(MediaSession media, CallSetup setup, string callSid, ILogger logger)
{
    private bool _sdpAnswerApplied;

    public CallSetup Setup => setup;

    /// <summary>The SIP dialog, once started.</summary>
    public abstract SipCall? Dialog { get; }

    /// <summary>The statuses the call reports before anything else happens, in order.</summary>
    public abstract IReadOnlyList<(CallStatus Status, int? SipStatus)> OpeningStatuses { get; }

    /// <summary>Whether verbs start at once (an inbound call, still ringing) or only when the far end answers.</summary>
    public abstract bool RunsVerbsBeforeAnswer { get; }

    /// <summary>Whether the call was never answered and can still be refused with a final response of ours.</summary>
    public virtual bool CanRefuse => false;

    protected MediaSession Media => media;

    /// <summary>Whether a usable SDP answer has been applied to the media (from either side's answer).</summary>
    protected bool SdpAnswerApplied
    {
        get => _sdpAnswerApplied;
        set => _sdpAnswerApplied = value;
    }

    /// <summary>
    /// Makes sure the call is answered before a verb uses its media: answers an inbound call still ringing. False
    /// when the caller gave up first (its CANCEL, already in the channel, ends the call): the verb must not start.
    /// </summary>
    public virtual bool EnsureAnswered() => true;

    /// <summary>Rings again with an Alert-Info header (RFC 3261 §20.4) while the call is not answered; otherwise nothing.</summary>
    public virtual void Alert(string alertInfo)
    {
    }

    /// <summary>Rings (180) an unanswered call that has not rung yet; otherwise nothing.</summary>
    public virtual void Ring()
    {
    }

    /// <summary>The call has its final status: timers of the setup stop.</summary>
    public virtual void Stop()
    {
    }

    /// <summary>Refuses the unanswered call with our final response (RFC 3261 §13.3.1.3); false when too late.</summary>
    public virtual bool Refuse(int sipStatus, string reason, IReadOnlyList<KeyValuePair<string, string>> headers) => false;

    /// <summary>What <paramref name="sipEvent"/> means for the call, whose status is now <paramref name="current"/>.</summary>
    public CallFact? Interpret(SipCallEvent sipEvent, CallStatus current) => sipEvent switch
    {
        SipCallRejected rejected => Ends(rejected),
        SipCallHungUp => new Ends(CallStatus.Completed, null, HungUpReason),
        // RFC 6086 INFO keys join the same stream of digits as RFC 4733 and in-band ones.
        SipCallDtmf info => new KeyPressed(info.Digit),
        SipCallReferNotify notify => new TransferProgress(notify.Status?.StatusCode, notify.SubscriptionTerminated),
        SipCallRequestReceived request => new PeerRequestArrived(new PeerRequest(request.Method.Name, request.ContentType, request.Body, request.Headers)),
        SipCallReferred referred => new TransferAsked(
            new IncomingTransfer(referred.ReferTo, referred.ReferredBy, referred.UserAgent, referred.CustomHeaders, referred.Sequence) { ReferringCallSid = callSid }),
        SipCallDialogFailed failed => new Ends(
            current == CallStatus.InProgress ? CallStatus.Completed : CallStatus.Failed, failed.StatusCode, "dialog lost: " + failed.ReasonPhrase),
        _ => InterpretOwn(sipEvent),
    };

    /// <summary>The status our own refusal with <paramref name="sipStatus"/> gives the call, as if a callee had sent it.</summary>
    public CallStatus StatusOfRefusal(int sipStatus, string reason) => Setup.Classify(new SipCallRejected(sipStatus, reason)).Status;

    /// <summary>Why the call ended when the far end sent BYE.</summary>
    protected abstract string HungUpReason { get; }

    /// <summary>The events only one direction has.</summary>
    protected abstract CallFact? InterpretOwn(SipCallEvent sipEvent);

    /// <summary>Applies the far end's SDP answer; false (logged) when it is unusable, unless one applied before still holds.</summary>
    protected bool TryApplyAnswer(string sdp)
    {
        var result = media.ApplyAnswer(sdp);
        if (!result.IsSuccess)
        {
            Log.AnswerUnusable(logger, callSid, result.Reason ?? "unknown");
            return _sdpAnswerApplied;
        }

        _sdpAnswerApplied = true;
        return true;
    }

    private Ends Ends(SipCallRejected rejected)
    {
        var (status, reason) = Setup.Classify(rejected);
        // RFC 3261 §9.1: the 487 answers our own CANCEL when we gave up ringing; nobody at the far end ended the call.
        var by = rejected.StatusCode == 487 && Setup.GaveUp ? CallEndedBy.Server : CallEndedBy.FarEnd;
        return new Ends(status, rejected.StatusCode, reason, By: by);
    }
}
