using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>gather</c>: keys kept from before come first, then the gather listens while its prompt plays (a key stops
/// the prompt when <c>bargeIn</c> allows) and after it, until a terminating key, enough digits or a timeout. Its
/// timeout starts when the prompt ends; each key restarts it as the inter-digit timeout.
/// </summary>
internal sealed class GatherStep(GatherVerb gather, StepScope scope) : VerbStep(scope)
{
    private readonly GatherInput _input = new(gather);
    private readonly StepPlayback _playback = new(scope);
    private bool _promptPlaying;

    public override void Start()
    {
        var kept = Runner.TypeAhead.TakeAll();
        for (var i = 0; i < kept.Length; i++)
        {
            if (Accept(kept[i]))
            {
                // Keys beyond what this gather takes stay kept for the next one.
                Runner.TypeAhead.GiveBack(kept.AsSpan(i + 1));
                return;
            }
        }

        if (gather.Prompt is { } prompt && _input.Digits.Length == 0)
        {
            _promptPlaying = true;
            _playback.Render(prompt);
            return;
        }

        ArmTimer(gather.Timeout);
    }

    public override void OnDigit(char key)
    {
        if (_promptPlaying && gather.PromptBargeIn)
        {
            StepLog.BargeIn(Services.Logger, Services.CallSid, key);
            _playback.Stop();
            _promptPlaying = false;
        }

        Accept(key);
    }

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case PromptReady when !_promptPlaying:
                // A key barged in before the prompt's audio was ready.
                break;
            case PromptReady { Clip: null } failed:
                StepLog.PromptFailed(Services.Logger, Services.CallSid, failed.Error ?? "unknown");
                OnPromptFinished();
                break;
            case PromptReady { Clip: { } clip }:
                _playback.Play(clip);
                break;
            case PlaybackEnded when _promptPlaying:
                OnPromptFinished();
                break;
            case VerbTimerElapsed:
                Finish(GatherEndReason.Timeout);
                break;
        }
    }

    public override void Leave()
    {
        _playback.Stop();
        Services.Timer.Disarm();
    }

    private void OnPromptFinished()
    {
        _promptPlaying = false;
        ArmTimer(_input.Digits.Length > 0 ? gather.InterDigitTimeout ?? gather.Timeout : gather.Timeout);
    }

    /// <summary>Adds one key; returns true when it ended the gather.</summary>
    private bool Accept(char key)
    {
        if (_input.Accept(key) is { } reason)
        {
            Finish(reason);
            return true;
        }

        if (!_promptPlaying)
        {
            ArmTimer(gather.InterDigitTimeout ?? gather.Timeout);
        }

        return false;
    }

    private void Finish(GatherEndReason reason)
    {
        var result = new GatherResult(gather, _input.Digits, reason);
        StepLog.GatherEnded(Services.Logger, Services.CallSid, result.Digits, reason);
        Runner.Report(this, result);
    }

    private void ArmTimer(TimeSpan due) => Services.Timer.Arm(due, new VerbTimerElapsed(Generation));
}
