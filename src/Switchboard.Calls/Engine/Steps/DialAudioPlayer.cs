using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// One of a dial's prompts (<see cref="DialAudio"/>) on one media session: the dialling call's for the hold prompt, the
/// answering leg's for the greeting. Rendering comes back as <see cref="DialAudioReady"/>, each play's end as
/// <see cref="DialAudioEnded"/>, both with the step's generation. One play at a time; <see cref="Stop"/> cuts it short.
/// </summary>
internal sealed class DialAudioPlayer(StepScope scope, DialAudio audio, MediaSession media)
{
    private CancellationTokenSource? _playing;

    public void Render(Verb prompt)
    {
        var generation = scope.Generation;
        var speech = scope.Runner.Speech;
        var prompts = scope.Services.Prompts;
        scope.Services.Work.Run(
            async token => new DialAudioReady(generation, audio, await prompts.RenderAsync(prompt, speech, token).ConfigureAwait(false), null),
            error => new DialAudioReady(generation, audio, null, error.Message));
    }

    public void Play(AudioClip clip)
    {
        Stop();
        _playing = new CancellationTokenSource();
        Task playing;
        try
        {
            playing = media.PlayAsync(clip, _playing.Token);
        }
        catch (ObjectDisposedException closed)
        {
            // The leg hung up meanwhile: its end is on its way to the loop.
            playing = Task.FromException(closed);
        }

        var generation = scope.Generation;
        scope.Services.Work.Watch(playing, task => new DialAudioEnded(generation, audio, task.IsCompletedSuccessfully));
    }

    public void Stop()
    {
        if (_playing is null)
        {
            return;
        }

        _playing.Cancel();
        _playing.Dispose();
        _playing = null;
    }
}
