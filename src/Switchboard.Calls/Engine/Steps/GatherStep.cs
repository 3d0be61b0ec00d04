using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>gather</c>: keys kept from before come first, then the gather listens while its prompt plays (a key, or
/// speech when <c>bargein</c> allows, stops the prompt) and after it, until a terminating key, enough digits, a
/// recognised utterance or a timeout. Its timeout starts when the prompt ends; each key restarts it as the
/// inter-digit timeout, and it never cuts a caller who is speaking or an utterance being recognised. The first key
/// ends listening for speech; an utterance without words (a cough) is not an answer, and listening goes on.
/// </summary>
internal sealed class GatherStep(GatherVerb gather, StepScope scope) : VerbStep(scope)
{
    /// <summary>No speech is a timeout of the gather's own timer, counted from the prompt's end, not the endpointer's.</summary>
    private static readonly EndpointingOptions Endpointing = EndpointingOptions.Default with { NoSpeechTimeout = TimeSpan.FromDays(1) };

    private readonly EndpointingOptions _endpointing = gather.SpeechLimit is { } limit ? Endpointing with { MaxUtterance = limit } : Endpointing;
    private readonly GatherInput _input = new(gather);
    private readonly StepPlayback _playback = new(scope);
    private readonly StepListening _listening = new(scope);
    private readonly TranscriptPosts? _partialResults =
        gather.PartialResultHook is { } hook && scope.Services.Script is ISpeechHooks hooks ? new(scope, hooks, hook) : null;

    private bool _promptPlaying;
    private bool _speaking;
    private bool _recognizing;
    private bool _keyPressed;
    private long? _promptStartedAt;
    private TimeSpan _promptPlayed;

    private bool HearsSpeech => gather.Speech is not null && !_keyPressed;

    public override bool TakesKeys => gather.AcceptsDigits;

    public override void Start()
    {
        if (gather.AcceptsDigits && TakeKeptKeys())
        {
            return;
        }

        if (HearsSpeech && _input.Digits.Length == 0 && (gather.ListenDuringPrompt || gather.Prompt is null) && !Listen())
        {
            return;
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
        if (!gather.AcceptsDigits)
        {
            Runner.TypeAhead.Keep(key);
            return;
        }

        if (_promptPlaying && gather.PromptBargeIn)
        {
            StepLog.BargeIn(Services.Logger, Services.CallSid, key);
            StopPrompt();
        }

        if (HearsSpeech)
        {
            // Keys and words are not mixed in one answer: the first key makes this a keypad gather, and what the
            // tap or the engine still sends about speech is dropped.
            _listening.Stop();
            (_speaking, _recognizing, _keyPressed) = (false, false, true);
        }

        Accept(key);
    }

    public override void OnMessage(VerbStepMessage message)
    {
        if (_keyPressed && message is SpeechStarted or UtteranceGrowing or InterimRecognized or UtteranceHeard or SpeechRecognized or SpeechFailed)
        {
            return;
        }

        switch (message)
        {
            case PromptReady when !_promptPlaying:
                // A key or speech barged in before the prompt's audio was ready.
                break;
            case PromptReady { Clip: null } failed:
                StepLog.PromptFailed(Services.Logger, Services.CallSid, failed.Error ?? "unknown");
                OnPromptFinished();
                break;
            case PromptReady { Clip: { } clip }:
                _promptStartedAt = Services.Time.GetTimestamp();
                _playback.Play(clip);
                break;
            case PlaybackEnded when _promptPlaying:
                OnPromptFinished();
                break;
            case SpeechStarted:
                OnSpeechStarted();
                break;
            case UtteranceGrowing growing when _partialResults is not null:
                _listening.RecognizeSoFar(growing.Audio, Runner.Recognizer.With(gather.Speech));
                break;
            case InterimRecognized interim:
                _listening.OnInterimDone();
                if (interim.Result.Transcript.Length > 0 && _speaking)
                {
                    _partialResults?.Post(interim.Result, isFinal: false);
                }

                break;
            case UtteranceHeard heard:
                _speaking = false;
                _recognizing = true;
                _listening.StopListening();
                SpeechLog.UtteranceHeard(Services.Logger, Services.CallSid, heard.Audio.Length / 8, heard.Cut);
                _listening.Recognize(heard.Audio, Runner.Recognizer.With(gather.Speech));
                break;
            case SpeechRecognized recognized:
                OnRecognized(recognized.Result);
                break;
            case SpeechFailed failed:
                _recognizing = false;
                Finish(GatherEndReason.Error, error: failed.Error);
                break;
            case VerbTimerElapsed when !_speaking && !_recognizing:
                Finish(GatherEndReason.Timeout);
                break;
        }
    }

    public override void Leave()
    {
        _playback.Stop();
        _listening.Stop();
        Services.Timer.Disarm();
    }

    /// <summary>Takes the keys pressed before this gather; returns true when they ended it.</summary>
    private bool TakeKeptKeys()
    {
        var kept = Runner.TypeAhead.TakeAll();
        for (var i = 0; i < kept.Length; i++)
        {
            if (Accept(kept[i]))
            {
                // Keys beyond what this gather takes stay kept for the next one.
                Runner.TypeAhead.GiveBack(kept.AsSpan(i + 1));
                return true;
            }
        }

        return false;
    }

    private bool Listen()
    {
        if (_listening.Listen(_endpointing, interim: _partialResults is not null))
        {
            return true;
        }

        Finish(GatherEndReason.Error, error: "the call's media has ended");
        return false;
    }

    private void OnSpeechStarted()
    {
        _speaking = true;
        Services.Timer.Disarm();
        if (_promptPlaying && gather.SpeechBargeIn)
        {
            SpeechLog.SpeechBargeIn(Services.Logger, Services.CallSid);
            StopPrompt();
        }
    }

    private void OnRecognized(RecognitionResult result)
    {
        _recognizing = false;
        if (result.Transcript.Length > 0)
        {
            Finish(GatherEndReason.SpeechDetected, result);
            return;
        }

        // A sound without words is no answer: listen on, with the time left as it was when the prompt ended.
        if (Listen() && !_promptPlaying)
        {
            ArmTimer(gather.Timeout);
        }
    }

    private void OnPromptFinished()
    {
        _promptPlaying = false;
        CountPromptPlayed();
        if (HearsSpeech && !_listening.IsListening && !_recognizing && _input.Digits.Length == 0 && !Listen())
        {
            return;
        }

        if (!_speaking && !_recognizing)
        {
            ArmTimer(_input.Digits.Length > 0 ? gather.InterDigitTimeout ?? gather.Timeout : gather.Timeout);
        }
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

    private void Finish(GatherEndReason reason, RecognitionResult? speech = null, string? error = null)
    {
        _listening.Stop();
        CountPromptPlayed();
        var result = new GatherResult(gather, _input.Digits, reason) { Speech = speech, Error = error, PromptPlayed = _promptPlayed };
        if (speech is not null || error is not null)
        {
            SpeechLog.GatherHeard(Services.Logger, Services.CallSid, speech?.Transcript, error);
        }
        else
        {
            StepLog.GatherEnded(Services.Logger, Services.CallSid, result.Digits, reason);
        }

        Runner.Report(this, result);
    }

    /// <summary>A key or speech barged in: the prompt stops where it is.</summary>
    private void StopPrompt()
    {
        _playback.Stop();
        _promptPlaying = false;
        CountPromptPlayed();
    }

    /// <summary>The prompt stopped playing (its end, a barge-in, the gather's end): how long it played is known.</summary>
    private void CountPromptPlayed()
    {
        if (_promptStartedAt is { } startedAt)
        {
            _promptPlayed = Services.Time.GetElapsedTime(startedAt);
            _promptStartedAt = null;
        }
    }

    private void ArmTimer(TimeSpan due) => Services.Timer.Arm(due, new VerbTimerElapsed(Generation));
}
