using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Sessions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>
/// An inbound call's SIP side: the INVITE we received rings until a verb needs the media (then we answer) or the
/// application refuses it; the caller may cancel first.
/// </summary>
internal sealed class InboundSignalling(InboundCall dialog, MediaSession media, ChannelWriter<CallMessage> inbox, string callSid, ILogger logger)
    : CallSignalling(media, new CallSetup(SetupState.Ringing, logger), callSid, logger)
{
    private string? _answerSdp;

    public override SipCall? Dialog => dialog;

    /// <summary>The user agent has answered 100 Trying and <see cref="Start"/> 180 Ringing; the application decides the rest.</summary>
    public override IReadOnlyList<(CallStatus Status, int? SipStatus)> OpeningStatuses { get; } =
        [(CallStatus.Trying, 100), (CallStatus.Ringing, 180)];

    public override bool RunsVerbsBeforeAnswer => true;

    public override bool CanRefuse => !Setup.IsAnswered;

    /// <summary>Prepares our answer to the INVITE's offer and rings.</summary>
    /// <exception cref="UnusableOfferException">The offer has nothing we can use.</exception>
    public void Start(CallMailbox mailbox)
    {
        if (dialog.SdpOffer is { } offer)
        {
            var result = Media.ApplyOffer(offer, out _answerSdp);
            if (!result.IsSuccess)
            {
                throw new UnusableOfferException(result.Reason ?? "no usable media in the offer");
            }

            SdpAnswerApplied = true;
        }
        else
        {
            // RFC 3264 §4: an INVITE without an offer gets ours in the 2xx, and the answer comes in the ACK.
            _answerSdp = Media.CreateOffer();
        }

        dialog.OfferAnswerer = new MediaOfferAnswerer(Media);
        dialog.Attach(mailbox);
        dialog.Ring();
    }

    public override bool EnsureAnswered()
    {
        if (Setup.IsAnswered)
        {
            return true;
        }

        if (!dialog.Answer(_answerSdp!))
        {
            return false;
        }

        Setup.OnAnswered();
        inbox.TryWrite(new InboundAnswerSent());
        return true;
    }

    public override bool Refuse(int sipStatus, string reason) => dialog.Reject(sipStatus, reason);

    public override void Alert(string alertInfo)
    {
        if (!Setup.IsAnswered)
        {
            dialog.Ring(alertInfo);
        }
    }

    protected override string HungUpReason => "caller hung up";

    protected override CallFact? InterpretOwn(SipCallEvent sipEvent) => sipEvent switch
    {
        SipCallCanceled => new Ends(CallStatus.Canceled, 487, "caller hung up before the answer"),
        // The ACK's answer to the offer our 2xx carried is unusable: nothing can be heard, so end it.
        SipCallConfirmed { Sdp: { } answer } when !SdpAnswerApplied && !TryApplyAnswer(answer) =>
            new Ends(CallStatus.Failed, 488, "no usable media in the caller's answer", HangUpFirst: true),
        SipCallAckTimedOut => new Ends(CallStatus.Failed, 408, "no ACK for our answer"),
        _ => null,
    };
}
