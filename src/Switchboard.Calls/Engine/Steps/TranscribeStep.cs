using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>transcribe</c>: listens to the caller utterance after utterance until the call ends or new verbs replace it.
/// One utterance is recognised at a time, in the order spoken (those that end meanwhile wait, a bounded few), and
/// each transcript with words is posted to the transcription hook in that order; with <c>interim</c>, so are the
/// words so far while the caller speaks. A failed recognition is logged and listening goes on: a transcription has
/// no one to answer an error to.
/// </summary>
internal sealed class TranscribeStep(TranscribeVerb transcribe, StepScope scope) : VerbStep(scope)
{
    /// <summary>Utterances waiting for the engine beyond this are dropped (an engine far slower than speech).</summary>
    public const int MaxWaitingUtterances = 8;

    private static readonly EndpointingOptions Endpointing = EndpointingOptions.Default with { SingleUtterance = false };

    private readonly StepListening _listening = new(scope);
    private readonly Queue<short[]> _waiting = new();
    private TranscriptPosts? _posts;
    private bool _recognizing;
    private int _utterancesHeard;
    private int _interimFor = -1;

    private RecognizerOptions Recognizer => Runner.Recognizer.With(transcribe.Recognizer);

    public override void Start()
    {
        if (Services.Script is not ISpeechHooks hooks)
        {
            SpeechLog.TranscriptionFailed(Services.Logger, Services.CallSid, "this call's script cannot receive transcripts");
            Runner.Complete(this);
            return;
        }

        _posts = new TranscriptPosts(Scope, hooks, transcribe.TranscriptionHook);
        if (!_listening.Listen(Endpointing, Recognizer.Interim == true))
        {
            Runner.Complete(this);
        }
    }

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case UtteranceGrowing growing when !_recognizing:
                if (_listening.RecognizeSoFar(growing.Audio, Recognizer))
                {
                    _interimFor = _utterancesHeard;
                }

                break;
            case InterimRecognized interim:
                _listening.OnInterimDone();
                // Words so far of an utterance whose final words are already on their way are old news.
                if (interim.Result.Transcript.Length > 0 && _interimFor == _utterancesHeard)
                {
                    _posts!.Post(interim.Result, isFinal: false);
                }

                break;
            case UtteranceHeard heard when _recognizing:
                _utterancesHeard++;
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
                _utterancesHeard++;
                RecognizeNext(heard.Audio);
                break;
            case SpeechRecognized recognized:
                if (recognized.Result.Transcript.Length > 0)
                {
                    SpeechLog.Transcribed(Services.Logger, Services.CallSid, recognized.Result.Transcript);
                    _posts!.Post(recognized.Result, isFinal: true);
                }

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
        _listening.Recognize(utterance, Recognizer);
    }

    private void OnRecognitionDone()
    {
        _recognizing = false;
        if (_waiting.TryDequeue(out var next))
        {
            RecognizeNext(next);
        }
    }
}
