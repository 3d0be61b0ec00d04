using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// What a step sends into the call: a prompt rendered (<see cref="PromptReady"/>), then played, or keys sent; each
/// sending ends, however it ends, as one <see cref="PlaybackEnded"/> with the step's generation. One sending at a
/// time; <see cref="Stop"/> cuts it short.
/// </summary>
internal sealed class StepPlayback(StepScope scope)
{
    private CancellationTokenSource? _sending;

    /// <summary>Synthesizes or fetches <paramref name="prompt"/>'s audio off the loop.</summary>
    public void Render(Verb prompt)
    {
        var generation = scope.Generation;
        var speech = scope.Runner.Speech;
        var prompts = scope.Services.Prompts;
        scope.Services.Work.Run(
            async token => new PromptReady(generation, await prompts.RenderAsync(prompt, speech, token).ConfigureAwait(false), null),
            error => new PromptReady(generation, null, error.Message));
    }

    public void Play(AudioClip clip) => Send(token => scope.Services.Media.PlayAsync(clip, token));

    public void SendDigits(string digits, TimeSpan toneDuration) =>
        Send(token => scope.Services.Media.SendDigitsAsync(digits, DigitSendOptions.Default with { ToneDuration = toneDuration }, token));

    public void Stop()
    {
        if (_sending is null)
        {
            return;
        }

        _sending.Cancel();
        _sending.Dispose();
        _sending = null;
    }

    private void Send(Func<CancellationToken, Task> sending)
    {
        Stop();
        _sending = new CancellationTokenSource();
        var generation = scope.Generation;
        scope.Services.Work.Watch(sending(_sending.Token), _ => new PlaybackEnded(generation));
    }
}
