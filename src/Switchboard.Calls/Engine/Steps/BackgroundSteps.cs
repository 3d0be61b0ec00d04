using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// The call's background verbs: at most one barge-in gather, one transcription and one media stream, started and stopped by
/// <c>config</c> verbs (a later one replaces an earlier one of its kind). Owned by the verb runner on the call's loop:
/// it hands them the messages they asked for and the keys the running verb does not take, and stops them when the
/// call ends.
/// </summary>
internal sealed class BackgroundSteps(StepServices services, IStepRunner foreground, Func<int> issueGeneration, IForegroundVerbs verbs) : IDisposable
{
    private BackgroundBargeIn? _bargeIn;
    private BackgroundTranscription? _transcription;
    private TranscribeVerb? _pausedTranscription;
    private BackgroundListen? _listen;
    private bool _listenPaused;

    /// <summary>Starts, replaces or stops what <paramref name="config"/> names.</summary>
    public void Apply(ConfigVerb config)
    {
        if (config.BargeIn is { } bargeIn)
        {
            Stop(ref _bargeIn);
            if (bargeIn.Gather is { } gather)
            {
                BackgroundLog.BargeInStarted(services.Logger, services.CallSid, gather.AcceptsDigits, gather.Speech is not null, bargeIn.Sticky);
                _bargeIn = new BackgroundBargeIn(bargeIn, gather, services, foreground, issueGeneration, verbs);
                _bargeIn.Start();
            }
        }

        if (config.Listen is { } listen)
        {
            Stop(ref _listen);
            if (listen.Listen is { } verb)
            {
                _listen = new BackgroundListen(verb, services, foreground, issueGeneration);
                _listen.Pause(_listenPaused);
                _listen.Start();
            }
        }

        if (config.Transcribe is { } transcribe)
        {
            Stop(ref _transcription);
            _pausedTranscription = null;
            if (transcribe.Transcribe is { } verb)
            {
                StartTranscription(verb);
            }
        }
    }

    /// <summary>
    /// Live control (jambonz <c>transcribe_status</c>): a paused transcription stops listening, so nothing the caller
    /// says meanwhile is recognised or posted; resumed, it listens again with the same hook and recognizer.
    /// </summary>
    public void PauseTranscription(bool paused)
    {
        if (paused && _transcription is { IsOver: false } running)
        {
            _pausedTranscription = running.Verb;
            Stop(ref _transcription);
            BackgroundLog.TranscriptionPaused(services.Logger, services.CallSid);
        }
        else if (!paused && _pausedTranscription is { } verb)
        {
            _pausedTranscription = null;
            StartTranscription(verb);
        }
    }

    /// <summary>Live control (jambonz <c>listen_status</c>): the background stream's agent hears nothing while paused.</summary>
    public void PauseListen(bool paused)
    {
        _listenPaused = paused;
        _listen?.Pause(paused);
    }

    private void StartTranscription(TranscribeVerb verb)
    {
        BackgroundLog.TranscriptionStarted(services.Logger, services.CallSid, verb.TranscriptionHook);
        _transcription = new BackgroundTranscription(verb, services, foreground, issueGeneration);
        _transcription.Start();
    }

    /// <summary>A key the running verb (<paramref name="current"/>) does not take: true when the barge-in took it.</summary>
    public bool TakeDigit(char key, VerbStep? current)
    {
        // A background stream hears every key (to pass on, or to finish on) without taking it from the verbs.
        _listen?.OnDigit(key);
        return current is not { TakesKeys: true } && _bargeIn is { IsOver: false } bargeIn && bargeIn.TakeDigit(key);
    }

    /// <summary>Hands a message to the background verb that asked for it; false when none did.</summary>
    public bool OnStep(VerbStepMessage message)
    {
        if (_bargeIn is { } bargeIn && bargeIn.Owns(message.Generation))
        {
            bargeIn.OnMessage(message);
            return true;
        }

        if (_listen is { } listen && listen.Owns(message.Generation))
        {
            listen.OnMessage(message);
            return true;
        }

        if (_transcription is { } transcription && transcription.Owns(message.Generation))
        {
            transcription.OnMessage(message);
            return true;
        }

        return false;
    }

    /// <summary>The call ended: nothing listens any more (transcripts already recognised are still posted).</summary>
    public void Dispose()
    {
        Stop(ref _bargeIn);
        Stop(ref _transcription);
        Stop(ref _listen);
    }

    private static void Stop<T>(ref T? running)
        where T : BackgroundVerb
    {
        running?.Dispose();
        running = null;
    }
}
