using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>transcribe</c>: listens to the caller utterance after utterance until the call ends or new verbs replace it.
/// One utterance is recognised at a time, in the order spoken (those that end meanwhile wait, a bounded few), and
/// each transcript with words is posted to the transcription hook in that order, each post after the one before.
/// A failed recognition is logged and listening goes on: a transcription has no one to answer an error to.
/// </summary>
internal sealed class TranscribeStep(TranscribeVerb transcribe, StepScope scope) : VerbStep(scope)
{
    /// <summary>Utterances waiting for the engine beyond this are dropped (an engine far slower than speech).</summary>
    public const int MaxWaitingUtterances = 8;

    private static readonly EndpointingOptions Endpointing = EndpointingOptions.Default with { SingleUtterance = false };

    private readonly StepListening _listening = new(scope);
    private readonly Queue<short[]> _waiting = new();
    private Task _posting = Task.CompletedTask;
    private bool _recognizing;

    public override void Start()
    {
        if (Services.Script is not ITranscriptionHook)
        {
            SpeechLog.TranscriptionFailed(Services.Logger, Services.CallSid, "this call's script cannot receive transcripts");
            Runner.Complete(this);
            return;
        }

        if (!_listening.Listen(Endpointing))
        {
            Runner.Complete(this);
        }
    }

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case UtteranceHeard heard when _recognizing:
                if (_waiting.Count < MaxWaitingUtterances)
                {
                    _waiting.Enqueue(heard.Audio);
                }
                else
                {
                    SpeechLog.TranscriptionFailed(Services.Logger, Services.CallSid, "the recognizer fell behind; an utterance was dropped");
                }

                break;
            case UtteranceHeard heard:
                RecognizeNext(heard.Audio);
                break;
            case SpeechRecognized recognized:
                Post(recognized.Result);
                OnRecognitionDone();
                break;
            case SpeechFailed failed:
                SpeechLog.TranscriptionFailed(Services.Logger, Services.CallSid, failed.Error);
                OnRecognitionDone();
                break;
        }
    }

    public override void Leave() => _listening.Stop();

    private void RecognizeNext(short[] utterance)
    {
        _recognizing = true;
        _listening.Recognize(utterance, Runner.Recognizer.With(transcribe.Recognizer));
    }

    private void OnRecognitionDone()
    {
        _recognizing = false;
        if (_waiting.TryDequeue(out var next))
        {
            RecognizeNext(next);
        }
    }

    private void Post(RecognitionResult transcript)
    {
        if (transcript.Transcript.Length == 0)
        {
            return;
        }

        SpeechLog.Transcribed(Services.Logger, Services.CallSid, transcript.Transcript);
        var hook = (ITranscriptionHook)Services.Script;
        var call = Services.Host.Snapshot();
        var previous = _posting;
        var logger = Services.Logger;
        var callSid = Services.CallSid;
        _posting = PostAfterAsync();
        // The post is owed whatever runs next: it does not end with the step or the call.
        Services.Work.Watch(_posting, _ => null);

        async Task PostAfterAsync()
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await hook.OnTranscriptAsync(call, transcribe, transcript, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                SpeechLog.TranscriptNotPosted(logger, callSid, exception.Message);
            }
        }
    }
}
