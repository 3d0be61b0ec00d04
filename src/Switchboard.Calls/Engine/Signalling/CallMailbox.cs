using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>
/// The only door from foreign threads (SIP receive, media receive, API requests, other calls' loops) into a call:
/// each report becomes a message on the call's channel and nothing else is touched, so every fact about the call is
/// handled on its loop.
/// </summary>
internal sealed class CallMailbox(ChannelWriter<CallMessage> inbox) : ISipCallObserver, IMediaSessionObserver
{
    public ChannelWriter<CallMessage> Writer => inbox;

    public void OnSipEvent(SipCallEvent sipEvent) => inbox.TryWrite(new SipEventArrived(sipEvent));

    public void OnDigit(DtmfDigit digit) => inbox.TryWrite(new DigitArrived(digit));

    public void OnMediaTimeout() => inbox.TryWrite(new MediaTimedOut());

    public void Post(CallMessage message) => inbox.TryWrite(message);
}
