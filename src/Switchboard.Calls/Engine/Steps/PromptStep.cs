using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>say</c> or <c>play</c>: the prompt is rendered once and played <c>loop</c> times. With <c>bargeIn</c> a key
/// stops it, is kept for the next gather, and the verbs before that gather are skipped.
/// </summary>
internal sealed class PromptStep : VerbStep
{
    private readonly Verb _prompt;
    private readonly bool _bargeIn;
    private readonly StepPlayback _playback;
    private int _loopsLeft;
    private AudioClip? _clip;

    private PromptStep(Verb prompt, int loop, bool bargeIn, StepScope scope)
        : base(scope)
    {
        _prompt = prompt;
        _loopsLeft = loop;
        _bargeIn = bargeIn;
        _playback = new StepPlayback(scope);
    }

    public static PromptStep For(SayVerb say, StepScope scope) => new(say, say.Loop, say.BargeIn, scope);

    public static PromptStep For(PlayVerb play, StepScope scope) => new(play, play.Loop, play.BargeIn, scope);

    public override bool IsPrompt => true;

    public override void Start() => _playback.Render(_prompt);

    public override void OnDigit(char key)
    {
        if (_bargeIn)
        {
            Runner.BargeIn(this, key);
            return;
        }

        base.OnDigit(key);
    }

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case PromptReady { Clip: null } failed:
                // Logged where the call stores it (a failed verb), not here as well.
                Services.Host.ReportVerbFailed(_prompt, failed.Error ?? "unknown");
                Runner.Complete(this);
                break;
            case PromptReady { Clip: { } clip }:
                _clip = clip;
                _playback.Play(clip);
                break;
            case PlaybackEnded when --_loopsLeft > 0 && _clip is not null:
                _playback.Play(_clip);
                break;
            case PlaybackEnded:
                Runner.Complete(this);
                break;
        }
    }

    public override void Leave() => _playback.Stop();
}
