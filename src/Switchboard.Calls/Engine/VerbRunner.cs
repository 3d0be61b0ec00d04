using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Runs a call's verbs one after another. It lives on the call's loop: every slow step (synthesis,
/// playback, a timer, the script's answer) ends as a message in the call's channel, stamped with the
/// generation of the verb that started it, so nothing here needs a lock.
/// </summary>
internal sealed class VerbRunner(
    string callSid,
    ChannelWriter<CallMessage> inbox,
    MediaSession media,
    PromptRenderer prompts,
    IScriptSource script,
    SpeechDefaults speechDefaults,
    TimeProvider timeProvider,
    IVerbHost host,
    ILogger logger) : IDisposable
{
    private readonly Queue<Verb> _queue = new();
    private readonly StringBuilder _typeAhead = new();
    private readonly LoopScheduler _scheduler = new(inbox, timeProvider);
    private SpeechDefaults _speech = speechDefaults;
    private int _generation;
    private Verb? _current;
    private GatherInput? _gather;
    private bool _promptPlaying;
    private AudioClip? _clip;
    private int _loopsLeft;
    private CancellationTokenSource? _playback;
    private DialStep? _dial;
    private RecordingStep? _recording;
    private bool _stopped;

    /// <summary>Where <c>record</c> verbs store their recordings; without it they fail.</summary>
    public RecordingLibrary? Recordings { get; init; }

    /// <summary>Asks the script source for the first verbs.</summary>
    public void Start()
    {
        var generation = ++_generation;
        _current = null;
        var snapshot = host.Snapshot();
        _scheduler.Run(
            async token => new ScriptReplied(generation, await script.StartAsync(snapshot, token).ConfigureAwait(false), null),
            error => new ScriptReplied(generation, null, error));
    }

    /// <summary>Leaves whatever runs now and asks <paramref name="actionHook"/> for the verbs that replace all others.</summary>
    public void Redirect(string actionHook)
    {
        if (_stopped)
        {
            return;
        }

        LeaveCurrent();
        _queue.Clear();
        PostResult(new RedirectResult(new RedirectVerb(actionHook)));
    }

    /// <summary>Leaves whatever runs now and runs <paramref name="verbs"/> instead of all others (an answering-machine hook's answer).</summary>
    public void Replace(IReadOnlyList<Verb> verbs)
    {
        if (_stopped)
        {
            return;
        }

        LeaveCurrent();
        _queue.Clear();
        foreach (var verb in verbs)
        {
            _queue.Enqueue(verb);
        }

        Next();
    }

    public void OnDigit(char key)
    {
        if (_stopped)
        {
            return;
        }

        switch (_current)
        {
            case GatherVerb gather:
                if (_promptPlaying && gather.PromptBargeIn)
                {
                    Log.BargeIn(logger, callSid, key);
                    StopPlayback();
                    _promptPlaying = false;
                }

                AcceptGatherKey(key);
                break;
            case SayVerb { BargeIn: true }:
            case PlayVerb { BargeIn: true }:
                _typeAhead.Append(key);
                Log.BargeIn(logger, callSid, key);
                StopPlayback();
                SkipToNextGather();
                break;
            case RecordVerb:
                // Keys while recording end it or are ignored; they are not type-ahead.
                _recording?.OnKey(key);
                break;
            default:
                // Keys pressed outside a gather are type-ahead for the next one.
                _typeAhead.Append(key);
                break;
        }
    }

    public void OnStep(VerbStepMessage step)
    {
        if (_stopped || step.Generation != _generation)
        {
            return;
        }

        switch (step)
        {
            case ScriptReplied replied:
                OnScriptReplied(replied);
                break;
            case PromptReady ready:
                OnPromptReady(ready);
                break;
            case PlaybackEnded:
                OnPlaybackEnded();
                break;
            case VerbTimerElapsed when _current is PauseVerb:
                Next();
                break;
            case VerbTimerElapsed when _current is GatherVerb:
                FinishGather(GatherEndReason.Timeout);
                break;
            case DialLegAnswered answered:
                _dial?.OnLegAnswered(answered.Leg);
                break;
            case DialLegEnded ended when _dial?.OnLegEnded(ended) is { } result:
                LeaveCurrent();
                Log.DialEnded(logger, callSid, result.Status.ToWire(), result.DialCallSid);
                PostResult(result);
                break;
            case RecordingFinished finished:
                OnRecordingFinished(finished);
                break;
        }
    }

    public void Dispose()
    {
        _recording?.OnCallEnded(host.Snapshot(), script);
        _recording = null;
        _stopped = true;
        _generation++;
        StopPlayback();
        EndDial();
        _scheduler.Dispose();
    }

    private void OnScriptReplied(ScriptReplied replied)
    {
        if (replied.Error is not null)
        {
            Log.ScriptFailed(logger, callSid, replied.Error);
            host.EndCall("script error: " + replied.Error, failed: true);
            return;
        }

        if (replied.Verbs is not null)
        {
            _queue.Clear();
            foreach (var verb in replied.Verbs)
            {
                _queue.Enqueue(verb);
            }
        }

        Next();
    }

    private void Next()
    {
        LeaveCurrent();
        if (!_queue.TryDequeue(out var verb))
        {
            host.EndCall("script ended", failed: false);
            return;
        }

        Begin(verb);
    }

    private void LeaveCurrent()
    {
        DisarmTimer();
        StopPlayback();
        EndDial();
        _current = null;
        _gather = null;
        _promptPlaying = false;
        _clip = null;
        _recording?.Abandon();
        _recording = null;
    }

    private void Begin(Verb verb)
    {
        ++_generation;
        _current = verb;
        Log.VerbStarted(logger, callSid, verb.Name);
        if (NeedsMedia(verb) && !host.EnsureAnswered())
        {
            return;
        }

        switch (verb)
        {
            case SayVerb say:
                _loopsLeft = say.Loop;
                RenderPrompt(say);
                break;
            case PlayVerb play:
                _loopsLeft = play.Loop;
                RenderPrompt(play);
                break;
            case PauseVerb pause:
                ArmTimer(pause.Duration);
                break;
            case GatherVerb gather:
                BeginGather(gather);
                break;
            case HangupVerb:
                host.EndCall("hangup verb", failed: false);
                break;
            case RedirectVerb redirect:
                _queue.Clear();
                PostResult(new RedirectResult(redirect));
                break;
            case TagVerb tag:
                host.SetTag(tag.Data);
                Next();
                break;
            case ConfigVerb config:
                _speech = config.Synthesizer is { } synthesizer ? _speech.With(synthesizer) : _speech;
                Next();
                break;
            case AnswerVerb:
                // Answered above, like every verb that uses the media.
                Next();
                break;
            case DtmfVerb dtmf:
                _playback = new CancellationTokenSource();
                ReportWhenDone(media.SendDigitsAsync(dtmf.Digits, DigitSendOptions.Default with { ToneDuration = dtmf.Duration }, _playback.Token));
                break;
            case DialVerb dial:
                _dial = new DialStep(dial, _generation, inbox, host, media, timeProvider, logger, callSid);
                _dial.Start();
                break;
            case RecordVerb record:
                BeginRecord(record);
                break;
            case RejectVerb reject:
                host.Decline(reject.Status, reject.Reason ?? SipReasonPhrases.For(reject.Status));
                break;
            default:
                host.EndCall("unsupported verb " + verb.Name, failed: true);
                break;
        }
    }

    /// <summary>
    /// Whether the verb plays, hears or sends media, so an inbound call must be answered first. The others
    /// (tag, config, redirect, hangup, sip:decline) run while it still rings.
    /// A <c>dial</c> answers only when a target does, so the caller keeps hearing ringing until then.
    /// </summary>
    private static bool NeedsMedia(Verb verb) => verb is not (TagVerb or ConfigVerb or RedirectVerb or HangupVerb or RejectVerb or DialVerb);

    private void RenderPrompt(Verb prompt)
    {
        var generation = _generation;
        var defaults = _speech;
        _scheduler.Run(
            async token => new PromptReady(generation, await prompts.RenderAsync(prompt, defaults, token).ConfigureAwait(false), null),
            error => new PromptReady(generation, null, error));
    }

    private void OnPromptReady(PromptReady ready)
    {
        if (_current is GatherVerb && !_promptPlaying)
        {
            // A key barged in before the prompt's audio was ready.
            return;
        }

        if (ready.Clip is null)
        {
            Log.PromptFailed(logger, callSid, ready.Error ?? "unknown");
            if (_current is GatherVerb gather)
            {
                OnPromptFinished(gather);
            }
            else
            {
                Next();
            }

            return;
        }

        _clip = ready.Clip;
        StartPlayback(ready.Clip);
    }

    private void StartPlayback(AudioClip clip)
    {
        _playback = new CancellationTokenSource();
        ReportWhenDone(media.PlayAsync(clip, _playback.Token));
    }

    /// <summary>Posts <see cref="PlaybackEnded"/> for the current verb when <paramref name="sending"/> ends, however it ends.</summary>
    private void ReportWhenDone(Task sending)
    {
        var generation = _generation;
        _ = sending.ContinueWith(
            static (_, state) =>
            {
                var (writer, generation) = ((ChannelWriter<CallMessage>, int))state!;
                writer.TryWrite(new PlaybackEnded(generation));
            },
            (inbox, generation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnPlaybackEnded()
    {
        switch (_current)
        {
            case GatherVerb gather:
                OnPromptFinished(gather);
                break;
            case SayVerb or PlayVerb when --_loopsLeft > 0 && _clip is not null:
                StartPlayback(_clip);
                break;
            case SayVerb or PlayVerb or DtmfVerb:
                Next();
                break;
            case RecordVerb record:
                StartRecorder(record);
                break;
        }
    }

    private void SkipToNextGather()
    {
        while (_queue.TryPeek(out var verb) && verb is not GatherVerb)
        {
            _queue.Dequeue();
        }

        Next();
    }

    private void BeginGather(GatherVerb gather)
    {
        _gather = new GatherInput(gather);
        var pending = _typeAhead.ToString();
        _typeAhead.Clear();
        for (var i = 0; i < pending.Length; i++)
        {
            if (AcceptGatherKey(pending[i]))
            {
                // Keys beyond what this gather takes stay type-ahead for the next one.
                _typeAhead.Append(pending, i + 1, pending.Length - i - 1);
                return;
            }
        }

        if (gather.Prompt is { } prompt && _gather.Digits.Length == 0)
        {
            // The gather listens while its prompt plays; its timeout starts when the prompt ends.
            _promptPlaying = true;
            _loopsLeft = 1;
            RenderPrompt(prompt);
            return;
        }

        ArmTimer(gather.Timeout);
    }

    private void OnPromptFinished(GatherVerb gather)
    {
        _promptPlaying = false;
        _clip = null;
        ArmTimer(_gather is { Digits.Length: > 0 } ? gather.InterDigitTimeout ?? gather.Timeout : gather.Timeout);
    }

    /// <summary>Adds one key to the running gather; returns true when it ended the gather.</summary>
    private bool AcceptGatherKey(char key)
    {
        if (_gather!.Accept(key) is { } reason)
        {
            FinishGather(reason);
            return true;
        }

        if (!_promptPlaying)
        {
            ArmTimer(_gather.Verb.InterDigitTimeout ?? _gather.Verb.Timeout);
        }

        return false;
    }

    private void FinishGather(GatherEndReason reason)
    {
        var result = new GatherResult(_gather!.Verb, _gather.Digits, reason);
        LeaveCurrent();
        Log.GatherEnded(logger, callSid, result.Digits, reason);
        PostResult(result);
    }

    /// <summary>A <c>record</c> verb listens after its beep, if it has one.</summary>
    private void BeginRecord(RecordVerb record)
    {
        if (record.PlayBeep)
        {
            StartPlayback(RecordingBeep.Clip);
            return;
        }

        StartRecorder(record);
    }

    private void StartRecorder(RecordVerb record)
    {
        _recording = Recordings is null ? null : RecordingStep.TryStart(record, media, Recordings, host.Snapshot(), inbox, _generation, logger);
        if (_recording is null)
        {
            LeaveCurrent();
            PostResult(new RecordResult(record, null, TimeSpan.Zero, string.Empty, RecordEndReason.Failed));
        }
    }

    private void OnRecordingFinished(RecordingFinished finished)
    {
        _recording?.MarkHandled();
        _recording = null;
        LeaveCurrent();
        PostResult(finished.Result);
    }

    /// <summary>Hands a verb's result to the script source; its answer comes back as <see cref="ScriptReplied"/>.</summary>
    private void PostResult(VerbResult result)
    {
        var generation = ++_generation;
        var snapshot = host.Snapshot();
        _scheduler.Run(
            async token => new ScriptReplied(generation, await script.OnVerbResultAsync(snapshot, result, token).ConfigureAwait(false), null),
            error => new ScriptReplied(generation, null, error));
    }

    private void ArmTimer(TimeSpan due) => _scheduler.Arm(due, new VerbTimerElapsed(_generation));

    private void DisarmTimer() => _scheduler.Disarm();

    private void EndDial()
    {
        _dial?.Dispose();
        _dial = null;
    }

    private void StopPlayback()
    {
        if (_playback is null)
        {
            return;
        }

        _playback.Cancel();
        _playback.Dispose();
        _playback = null;
    }
}
