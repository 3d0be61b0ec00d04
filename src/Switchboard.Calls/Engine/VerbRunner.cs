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
    private readonly StringBuilder _gathered = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _generation;
    private Verb? _current;
    private ITimer? _timer;
    private CancellationTokenSource? _playback;
    private bool _stopped;

    /// <summary>Asks the script source for the first verbs.</summary>
    public void Start()
    {
        var generation = ++_generation;
        _current = null;
        var snapshot = host.Snapshot();
        RunInBackground(async token =>
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
            case GatherVerb gather:
                AcceptGatherKey(gather, key);
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
            case VerbTimerElapsed when _current is GatherVerb gather:
                FinishGather(gather, GatherEndReason.Timeout);
                break;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _generation++;
        DisarmTimer();
        StopPlayback();
        _stopping.Cancel();
        _stopping.Dispose();
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
                RunInBackground(async token =>
                {
                    var clip = await speech.SynthesizeAsync(new SpeechRequest(say.Text, say.Language, say.Gender, say.Voice), token).ConfigureAwait(false);
                    return new SpeechReady(generation, clip, null);
                },
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
        _gathered.Clear();
        var pending = _typeAhead.ToString();
        _typeAhead.Clear();
        for (var i = 0; i < pending.Length; i++)
        {
            if (AcceptGatherKey(gather, pending[i]))
            {
                // Keys beyond what this gather takes stay type-ahead for the next one.
                _typeAhead.Append(pending, i + 1, pending.Length - i - 1);
                return;
            }
        }

        ArmTimer(gather.Timeout);
    }

    /// <summary>Adds one key; returns true when it ended the gather.</summary>
    private bool AcceptGatherKey(GatherVerb gather, char key)
    {
        if (key == '#' && gather.FinishOnHash)
        {
            FinishGather(gather, GatherEndReason.Terminator);
            return true;
        }

        _gathered.Append(key);
        if (_gathered.Length >= gather.MaxDigits)
        {
            FinishGather(gather, GatherEndReason.MaxDigits);
            return true;
        }

        // The timeout counts from the last key.
        ArmTimer(gather.Timeout);
        return false;
    }

    private void FinishGather(GatherVerb gather, GatherEndReason reason)
    {
        DisarmTimer();
        var result = new GatherResult(gather, _gathered.ToString(), reason);
        _gathered.Clear();
        _current = null;
        var generation = ++_generation;
        Log.GatherEnded(logger, callSid, result.Digits, reason);
        var snapshot = host.Snapshot();
        RunInBackground(async token =>
        {
            var verbs = await script.OnVerbResultAsync(snapshot, result, token).ConfigureAwait(false);
            return new ScriptReplied(generation, verbs, null);
        },
        error => new ScriptReplied(generation, null, error));
    }

    private void ArmTimer(TimeSpan due)
    {
        DisarmTimer();
        var message = new VerbTimerElapsed(_generation);
        _timer = timeProvider.CreateTimer(
            static state =>
            {
                var (writer, message) = ((ChannelWriter<CallMessage>, CallMessage))state!;
                writer.TryWrite(message);
            },
            (inbox, (CallMessage)message),
            due,
            Timeout.InfiniteTimeSpan);
    }

    private void DisarmTimer()
    {
        _timer?.Dispose();
        _timer = null;
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

    /// <summary>Runs slow work off the loop; its outcome (or failure) comes back as a message.</summary>
    private void RunInBackground(Func<CancellationToken, Task<CallMessage>> work, Func<string, CallMessage> onError)
    {
        var token = _stopping.Token;
        _ = Task.Run(
            async () =>
            {
                CallMessage outcome;
                try
                {
                    outcome = await work(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    outcome = onError(exception.Message);
                }

                inbox.TryWrite(outcome);
            },
            CancellationToken.None);
    }
}
