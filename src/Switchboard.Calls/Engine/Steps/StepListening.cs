using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// What a step hears: a <see cref="SpeechTap"/> on the caller's audio while it listens, and each utterance handed
/// to the engine off the loop, its result coming back as <see cref="SpeechRecognized"/> or <see cref="SpeechFailed"/>
/// with the step's generation. An engine that hangs is given up after <see cref="Recognition.Timeout"/>.
/// <see cref="Stop"/> ends listening and abandons recognitions under way.
/// </summary>
internal sealed class StepListening(StepScope scope)
{
    private SpeechTap? _tap;
    private CancellationTokenSource? _recognizing;
    private bool _interimRunning;

    public bool IsListening => _tap is not null;

    /// <summary>Starts listening; false when the call's media is already gone.</summary>
    public bool Listen(EndpointingOptions options, bool interim = false)
    {
        StopListening();
        var services = scope.Services;
        var tap = new SpeechTap(options, interim, services.Inbox, scope.Generation, services.Time);
        try
        {
            services.Media.AddAudioTap(tap);
        }
        catch (ObjectDisposedException)
        {
            tap.Dispose();
            return false;
        }

        _tap = tap;
        return true;
    }

    public void StopListening()
    {
        if (_tap is { } tap)
        {
            _tap = null;
            scope.Services.Media.RemoveAudioTap(tap);
            tap.Dispose();
        }
    }

    /// <summary>Recognises one utterance with <paramref name="options"/> (already merged with the call's defaults).</summary>
    public void Recognize(short[] utterance, RecognizerOptions options) =>
        Run(utterance, options, result => new SpeechRecognized(scope.Generation, result), error => new SpeechFailed(scope.Generation, error));

    /// <summary>
    /// Recognises the words so far of an utterance under way, unless such a recognition is already running (an
    /// engine slower than the interval skips a step rather than fall behind). A failure is dropped: the final
    /// result will say it.
    /// </summary>
    /// <returns>False when one was already running.</returns>
    public bool RecognizeSoFar(short[] utterance, RecognizerOptions options)
    {
        if (_interimRunning)
        {
            return false;
        }

        _interimRunning = true;
        Run(utterance, options, result => new InterimRecognized(scope.Generation, result), _ => new InterimRecognized(scope.Generation, Nothing(options)));
        return true;
    }

    /// <summary>An interim result came back: the next may start.</summary>
    public void OnInterimDone() => _interimRunning = false;

    private void Run(short[] utterance, RecognizerOptions options, Func<RecognitionResult, CallMessage> onResult, Func<string, CallMessage> onError)
    {
        var services = scope.Services;
        _recognizing ??= new CancellationTokenSource();
        var abandoned = _recognizing.Token;
        services.Work.Run(
            async token =>
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, abandoned);
                return onResult(await Recognition.RunAsync(services.Recognizers, services.AccountSid, utterance, options, services.Time, linked.Token).ConfigureAwait(false));
            },
            error => onError(error is SpeechRecognitionException ? error.Message : $"the recognizer failed: {error.Message}"));
    }

    private static RecognitionResult Nothing(RecognizerOptions options) => new(options.Language ?? "", []);

    /// <summary>Stops listening and abandons recognitions under way (their answers are dropped).</summary>
    public void Stop()
    {
        StopListening();
        if (_recognizing is { } recognizing)
        {
            _recognizing = null;
            recognizing.Cancel();
            recognizing.Dispose();
        }
    }
}
