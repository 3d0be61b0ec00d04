using Switchboard.Media.Sessions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>
/// Answers a peer's re-INVITE or UPDATE offer (hold, resume, a new address; RFC 3264 §8) from the call's media
/// session. The SIP layer needs the answer before it can respond, on its own thread; the session owns its SDP state
/// and applies a change atomically for its threads, so the answer comes from it directly and the call's loop is not
/// involved (nothing of the call's own state changes).
/// </summary>
internal sealed class MediaOfferAnswerer(MediaSession media) : ISipOfferAnswerer
{
    public string? AnswerOffer(string sdpOffer)
    {
        if (media.IsClosed)
        {
            return null;
        }

        try
        {
            return media.ApplyOffer(sdpOffer, out var answer).IsSuccess ? answer : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }
}
