using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Sessions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>An outbound call's SIP side: our INVITE, its provisional and final responses, and the ring timeout.</summary>
internal sealed class OutboundSignalling(MediaSession media, string callSid, TimeProvider time, ILogger logger)
    : CallSignalling(media, new CallSetup(SetupState.Inviting, logger), callSid, logger)
{
    private OutboundCall? _dialog;
    private LoopTimer? _ringTimer;

    public override SipCall? Dialog => _dialog;

    public override IReadOnlyList<(CallStatus Status, int? SipStatus)> OpeningStatuses { get; } =
        [(CallStatus.Queued, null), (CallStatus.Trying, null)];

    public override bool RunsVerbsBeforeAnswer => false;

    /// <summary>
    /// Sends the INVITE for <paramref name="request"/> with our offer and arms the ring timeout. Synchronous, so the
    /// API can answer with the Call-ID. <paramref name="toUri"/>: the To when it is not the target (RFC 3261 §8.1.1.2).
    /// </summary>
    public void Start(SipUserAgent sip, CallRequest request, string targetUri, string? toUri, CallMailbox mailbox)
    {
        var invite = new OutboundCallRequest(targetUri, request.From, request.FromDisplayName, request.FromHost, request.Headers, Media.CreateOffer()) { ToUri = toUri };
        _dialog = sip.PlaceCall(invite, mailbox);
        _dialog.OfferAnswerer = new MediaOfferAnswerer(Media);
        _ringTimer = new LoopTimer(mailbox.Writer, time);
        _ringTimer.Arm(request.RingTimeout, new RingTimeoutElapsed());
    }

    /// <summary>The call has its final status: the ring timeout no longer applies.</summary>
    public override void Stop() => StopRinging();

    /// <summary>The call was answered, or has its final status: the ring timeout no longer applies.</summary>
    private void StopRinging()
    {
        _ringTimer?.Dispose();
        _ringTimer = null;
    }

    protected override string HungUpReason => "callee hung up";

    protected override CallFact? InterpretOwn(SipCallEvent sipEvent)
    {
        switch (sipEvent)
        {
            case SipCallProgress progress:
                Setup.OnProvisional();
                if (progress.Sdp is not null && TryApplyAnswer(progress.Sdp))
                {
                    return new Rings(progress.StatusCode, EarlyMedia: true);
                }

                return progress.StatusCode is 180 or 183 ? new Rings(progress.StatusCode, EarlyMedia: false) : null;
            case SipCallAnswered answered:
                StopRinging();
                var usable = answered.Sdp is not null ? TryApplyAnswer(answered.Sdp) : SdpAnswerApplied;
                if (!usable)
                {
                    // RFC 3264 §6: an answer we cannot use leaves no media; end the dialog rather than sit in silence.
                    return new Ends(CallStatus.Failed, 488, "no usable media in the answer", HangUpFirst: true);
                }

                Setup.OnAnswered();
                return new Answers();
            default:
                return null;
        }
    }
}
