using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>A <c>dtmf</c> verb: sends its keys (RFC 4733 events, or tones when the peer has no telephone-event).</summary>
internal sealed class DtmfStep(DtmfVerb dtmf, StepScope scope) : VerbStep(scope)
{
    private readonly StepPlayback _sending = new(scope);

    public override void Start() => _sending.SendDigits(dtmf.Digits, dtmf.Duration);

    public override void OnMessage(VerbStepMessage message)
    {
        if (message is PlaybackEnded)
        {
            Runner.Complete(this);
        }
    }

    public override void Leave() => _sending.Stop();
}
