using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Callback;

/// <summary>A validated <c>POST /voice/call/callback</c> body (seeds 000 and 001).</summary>
/// <param name="Announcement">Said (or played) to the first leg to answer while the other is called.</param>
/// <param name="HoldAudio">Played in a loop to the first leg to answer, after the announcement, instead of ringback.</param>
/// <param name="Record">Record the bridged call as a stereo WAV, <c>leg_A</c> left and <c>leg_B</c> right.</param>
/// <param name="TimeLimit">The longest the two may talk; both are hung up then.</param>
public sealed record CallbackRequest(
    CallbackLegRequest LegA,
    CallbackLegRequest LegB,
    CallbackMode Mode,
    CallbackLeg First,
    Verb? Announcement,
    Uri? HoldAudio,
    bool Record,
    TimeSpan? TimeLimit,
    ConversationCallback? Callback)
{
    public CallbackLegRequest this[CallbackLeg leg] => leg == CallbackLeg.A ? LegA : LegB;
}
