using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Sessions;
using Switchboard.Media.Speech;

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
    ISpeechSynthesizer speech,
    IScriptSource script,
    TimeProvider timeProvider,
    IVerbHost host,
    ILogger logger) : IDisposable
{
    private readonly Queue<Verb> _queue = new();
    private readonly StringBuilder _typeAhead = new();
    private readonly LoopScheduler _scheduler = new(inbox, timeProvider);
    private int _generation;
    private Verb? _current;
    private GatherInput? _gather;
    private CancellationTokenSource? _playback;
    private bool _stopped;

    /// <summary>Asks the script source for the first verbs.</summary>
    public void Start()
    {
        var generation = ++_generation;
        _current = null;
        var snapshot = host.Snapshot();
        _scheduler.Run(
            async token =>
            {
                var verbs = await script.StartAsync(snapshot, token).ConfigureAwait(false);
                return new ScriptReplied(generation, verbs, null);
            },
            error => new ScriptReplied(generation, null, error));
    }

    public void OnDigit(char key)
    {
        if (_stopped)
        {
            return;
        }

        switch (_current)
        {
            case GatherVerb:
                AcceptGatherKey(key);
                break;
            case SayVerb { BargeIn: true }:
                _typeAhead.Append(key);
                Log.BargeIn(logger, callSid, key);
                StopPlayback();
                SkipToNextGather();
                break;
            default:
                // RFC-free policy: keys pressed outside a gather are type-ahead for the next one.
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
            case SpeechReady ready when _current is SayVerb:
                OnSpeechReady(ready);
                break;
            case PlaybackEnded:
            case VerbTimerElapsed when _current is PauseVerb:
                Next();
                break;
            case VerbTimerElapsed when _current is GatherVerb:
                FinishGather(GatherEndReason.Timeout);
                break;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _generation++;
        StopPlayback();
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
        DisarmTimer();
        StopPlayback();
        if (!_queue.TryDequeue(out var verb))
        {
            _current = null;
            host.EndCall("script ended", failed: false);
            return;
        }

        Begin(verb);
    }

    private void Begin(Verb verb)
    {
        var generation = ++_generation;
        _current = verb;
        Log.VerbStarted(logger, callSid, verb.Name);
        switch (verb)
        {
            case SayVerb say:
                var request = new SpeechRequest(say.Text, say.Language, say.Gender, say.Voice);
                _scheduler.Run(
                    async token => new SpeechReady(generation, await speech.SynthesizeAsync(request, token).ConfigureAwait(false), null),
                    error => new SpeechReady(generation, null, error));
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
            default:
                host.EndCall("unsupported verb " + verb.Name, failed: true);
                break;
        }
    }

    private void OnSpeechReady(SpeechReady ready)
    {
        if (ready.Clip is null)
        {
            Log.SpeechFailed(logger, callSid, ready.Error ?? "unknown");
            Next();
            return;
        }

        var generation = _generation;
        _playback = new CancellationTokenSource();
        var playing = media.PlayAsync(ready.Clip, _playback.Token);
        _ = playing.ContinueWith(
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

        ArmTimer(gather.Timeout);
    }

    /// <summary>Adds one key to the running gather; returns true when it ended the gather.</summary>
    private bool AcceptGatherKey(char key)
    {
        if (_gather!.Accept(key) is { } reason)
        {
            FinishGather(reason);
            return true;
        }

        // The timeout counts from the last key.
        ArmTimer(_gather.Verb.Timeout);
        return false;
    }

    private void FinishGather(GatherEndReason reason)
    {
        DisarmTimer();
        var result = new GatherResult(_gather!.Verb, _gather.Digits, reason);
        _gather = null;
        _current = null;
        var generation = ++_generation;
        Log.GatherEnded(logger, callSid, result.Digits, reason);
        var snapshot = host.Snapshot();
        _scheduler.Run(
            async token =>
            {
                var verbs = await script.OnVerbResultAsync(snapshot, result, token).ConfigureAwait(false);
                return new ScriptReplied(generation, verbs, null);
            },
            error => new ScriptReplied(generation, null, error));
    }

    private void ArmTimer(TimeSpan due) => _scheduler.Arm(due, new VerbTimerElapsed(_generation));

    private void DisarmTimer() => _scheduler.Disarm();

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
