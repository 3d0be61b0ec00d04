using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// <c>config.bargeIn</c>: a <see cref="GatherStep"/> beside the call's verbs. The caller's first key (or speech, once
/// it has <see cref="BargeInConfig.MinWordCount"/> words) stops the prompt that plays; the gather's result goes to the
/// script source as a foreground gather's does, and its answer replaces the verbs left. A sticky one listens again
/// once the answer is in; any other is over. Keys go to it only while the running verb does not take keys itself.
/// </summary>
internal sealed class BackgroundBargeIn(BargeInConfig config, GatherVerb gather, StepServices services, IStepRunner foreground, Func<int> issueGeneration, IForegroundVerbs verbs)
    : BackgroundVerb(services, foreground, issueGeneration)
{
    private int _askGeneration = -1;
    private bool _interrupted;

    private bool InterruptsOnSpeech => config.MinWordCount <= 1;

    public void Start() => Listen();

    /// <summary>A key while the running verb takes none: it barges in. False when this gather does not take keys now.</summary>
    public bool TakeDigit(char key)
    {
        if (Step is null || !gather.AcceptsDigits)
        {
            return false;
        }

        StepLog.BargeIn(Services.Logger, Services.CallSid, key);
        Interrupt();
        Step.OnDigit(key);
        return true;
    }

    public override bool Owns(int generation) => base.Owns(generation) || (_askGeneration >= 0 && generation == _askGeneration);

    public override void OnMessage(VerbStepMessage message)
    {
        if (message is ScriptReplied replied)
        {
            OnScriptReplied(replied);
            return;
        }

        if (message is SpeechStarted && InterruptsOnSpeech)
        {
            Interrupt();
        }

        base.OnMessage(message);
    }

    /// <summary>A gather always ends with a result; nothing completes without one.</summary>
    public override void Complete(VerbStep step)
    {
    }

    public override void Report(VerbStep step, VerbResult result)
    {
        if (!ReferenceEquals(step, Step))
        {
            return;
        }

        LeaveStep();
        if (result is GatherResult { Speech: { } speech } && WordCount(speech.Transcript) < config.MinWordCount)
        {
            // Too few words to count as barging in (a "mm-hm" while the prompt plays): listen on.
            Listen();
            return;
        }

        Interrupt();
        Ask(result);
    }

    /// <summary>Words as jambonz counts them for <c>minBargeinWordCount</c>: runs of text between spaces.</summary>
    public static int WordCount(string transcript) => transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private void Listen()
    {
        _interrupted = false;
        Run(scope => new GatherStep(gather, scope));
    }

    /// <summary>Stops the prompt that plays, once per firing; the verbs after it go on until the hook answers.</summary>
    private void Interrupt()
    {
        if (!_interrupted)
        {
            _interrupted = true;
            verbs.InterruptPrompt();
        }
    }

    private void Ask(VerbResult result)
    {
        var generation = _askGeneration = IssueGeneration();
        var script = Services.Script;
        var call = Services.Host.Snapshot();
        Services.Work.Run(
            async token => new ScriptReplied(generation, await script.OnVerbResultAsync(call, result, token).ConfigureAwait(false), null),
            error => new ScriptReplied(generation, null, error.Message));
    }

    private void OnScriptReplied(ScriptReplied replied)
    {
        _askGeneration = -1;
        if (replied.Error is not null)
        {
            Log.ScriptFailed(Services.Logger, Services.CallSid, replied.Error);
            Services.Host.EndCall("script error: " + replied.Error, failed: true);
            return;
        }

        // Listening again first: the answer may itself hold a config that replaces or stops this barge-in.
        if (config.Sticky)
        {
            Listen();
        }
        else
        {
            IsOver = true;
        }

        if (replied.Verbs is { Count: > 0 } replacement)
        {
            verbs.Replace(replacement);
        }
    }
}
