using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Sessions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>
/// An inbound call's SIP side: the INVITE we received rings (or, <paramref name="ringsOnArrival"/> false, waits at
/// 100 Trying) until a verb needs the media (then we answer) or the application refuses it; the caller may cancel
/// first.
/// </summary>
internal sealed class InboundSignalling(
    InboundCall dialog, MediaSession media, ChannelWriter<CallMessage> inbox, string callSid, bool ringsOnArrival, ILogger logger)
    : CallSignalling(media, new CallSetup(SetupState.Ringing, logger), callSid, logger)
{
    private string? _answerSdp;
    private bool _rang;

    public override SipCall? Dialog => dialog;

    /// <summary>The user agent has answered 100 Trying and <see cref="Start"/> 180 Ringing when it rings on arrival; the application decides the rest.</summary>
    public override IReadOnlyList<(CallStatus Status, int? SipStatus)> OpeningStatuses { get; } =
        ringsOnArrival ? [(CallStatus.Trying, 100), (CallStatus.Ringing, 180)] : [(CallStatus.Trying, 100)];

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
        if (ringsOnArrival)
        {
            Ring();
        }
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

    public override bool Refuse(int sipStatus, string reason, IReadOnlyList<KeyValuePair<string, string>> headers) => dialog.Reject(sipStatus, reason, headers);

    public override void Alert(string alertInfo)
    {
        if (!Setup.IsAnswered)
        {
            _rang |= dialog.Ring(alertInfo);
        }
    }

    public override void Ring()
    {
        if (!Setup.IsAnswered && !_rang)
        {
            _rang = dialog.Ring();
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
