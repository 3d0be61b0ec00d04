using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// An <see cref="AnnounceVerb"/>: its prompts rendered as one clip and played once, then an
/// <see cref="AnnounceResult"/> with how long it played (or why nothing could be) goes to the script, which decides
/// what follows. Keys do not stop it; they are kept for the next gather.
/// </summary>
internal sealed class AnnounceStep(AnnounceVerb announce, StepScope scope) : VerbStep(scope)
{
    private readonly StepPlayback _playback = new(scope);
    private long? _startedAt;

    public override void Start() => _playback.Render(announce);

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case PromptReady { Clip: null } failed:
                var error = failed.Error ?? "unknown";
                StepLog.PromptFailed(Services.Logger, Services.CallSid, error);
                Runner.Report(this, new AnnounceResult(announce, TimeSpan.Zero, error));
                break;
            case PromptReady { Clip: { } clip }:
                _startedAt = Services.Time.GetTimestamp();
                _playback.Play(clip);
                break;
            case PlaybackEnded when _startedAt is { } startedAt:
                Runner.Report(this, new AnnounceResult(announce, Services.Time.GetElapsedTime(startedAt), null));
                break;
        }
    }

    public override void Leave() => _playback.Stop();
}
