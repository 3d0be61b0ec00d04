using System.Threading.Channels;
using Switchboard.Calls.Callbacks.Messages;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// Hears one leg for its session. Called on the leg's own loop: it only hands the news, named by leg, to the
/// session's channel, so the session knows which leg spoke even before its placement returned.
/// </summary>
internal sealed class CallbackLegObserver(CallbackLeg leg, ChannelWriter<CallMessage> inbox) : IDialLegObserver
{
    public void OnLegAnswered(IDialLeg call) => inbox.TryWrite(new CallbackLegAnswered(leg, call));

    public void OnLegEnded(IDialLeg call, CallStatus status, int? sipStatus) => inbox.TryWrite(new CallbackLegEnded(leg, status, sipStatus));

    /// <summary>A callback session has no application to ask, so a transfer either party asks for is refused.</summary>
    public void OnLegReferred(IDialLeg call, CallSnapshot legCall, IncomingTransfer transfer) => call.AnswerTransfer(transfer.Sequence, accepted: false);

    /// <summary>A callback session watches no key patterns: the bridge carries keys to the other party.</summary>
    public void OnLegKey(IDialLeg call, CallSnapshot legCall, char key)
    {
    }

    /// <summary>A callback session's legs run no answering-machine detection, so no hook answers.</summary>
    public void OnLegAmdAnswered(IDialLeg call, IReadOnlyList<Verb> verbs)
    {
    }
}
