using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Runs a call's verbs one after another, each as its own <see cref="VerbStep"/>. The runner keeps only the queue,
/// the keys kept for the next gather and the generation that stamps every message asked for: a message whose
/// generation is not the current one belongs to a step (or a script request) already left behind and is dropped.
/// It also owns the call's background verbs (<see cref="BackgroundSteps"/>), whose messages carry generations of their
/// own. Each verb's start and end go to the call's timeline (<see cref="IVerbHost.Note"/>). It lives on the call's loop,
/// so nothing here needs a lock.
/// </summary>
internal sealed class VerbRunner(StepServices services, SpeechDefaults speech) : IStepRunner, IForegroundVerbs
{
    private Queue<Verb> _queue = new();
    private int _lastIssued;
    private int _generation;
    private VerbStep? _current;
    private Verb? _currentVerb;
    private bool _stopped;
    private BackgroundSteps? _background;

    public SpeechDefaults Speech { get; set; } = speech;

    public RecognizerOptions Recognizer { get; set; } = RecognizerOptions.None;

    public TypeAheadKeys TypeAhead { get; } = new();

    public BackgroundSteps Background => _background ??= new BackgroundSteps(services, this, IssueGeneration, this);

    /// <summary>Asks the script source for the first verbs.</summary>
    public void Start() => Ask(async (script, call, token) => await script.StartAsync(call, token).ConfigureAwait(false));

    /// <summary>Leaves whatever runs now and asks <paramref name="actionHook"/> for the verbs that replace all others.</summary>
    public void Redirect(string actionHook)
    {
        if (!_stopped)
        {
            LeaveCurrent("redirected");
            _queue.Clear();
            AskScript(new RedirectResult(new RedirectVerb(actionHook)));
        }
    }

    /// <summary>Leaves whatever runs now and runs <paramref name="verbs"/> instead of all others (an answering-machine hook's answer).</summary>
    public void Replace(IReadOnlyList<Verb> verbs)
    {
        if (!_stopped)
        {
            LeaveCurrent("replaced");
            _queue = new Queue<Verb>(verbs);
            Next();
        }
    }

    /// <summary>Live control: <paramref name="prompts"/> play to one party of the running dial; false when no dial is connected.</summary>
    public bool Whisper(IReadOnlyList<Verb> prompts, string partySid) => !_stopped && _current?.OnWhisper(prompts, partySid) == true;

    /// <summary>Live control: the running dial's connected leg runs <paramref name="hook"/>'s application on its own; false when none is connected.</summary>
    public bool RedirectChild(string hook) => !_stopped && _current?.OnChildRedirect(hook) == true;

    /// <summary>Where a transfer the peer asks for is posted (<c>config.referHook</c>).</summary>
    public string? ReferHook { get; set; }

    /// <summary>
    /// The peer asked for a transfer: the running step takes it (a connected dial with a <c>referHook</c>), else the
    /// call's <c>referHook</c> hears of it and its answer comes back as <see cref="TransferHookAnswered"/>. False when
    /// neither does, so the transfer is refused.
    /// </summary>
    public bool OnTransferAsked(IncomingTransfer transfer)
    {
        if (_stopped)
        {
            return false;
        }

        if (_current?.OnTransferAsked(transfer) == true)
        {
            return true;
        }

        if (ReferHook is not { } hook || services.Script is not IReferHooks hooks)
        {
            return false;
        }

        var call = services.Host.Snapshot();
        services.Work.Run(
            async token => new TransferHookAnswered(transfer, await hooks.OnTransferAskedAsync(call, hook, transfer, token).ConfigureAwait(false)),
            _ => new TransferHookAnswered(transfer, null));
        return true;
    }

    /// <summary>Where the requests the peer sends inside the dialog are posted (<c>config.sipRequestWithinDialogHook</c>).</summary>
    public string? PeerRequestHook { get; set; }

    /// <summary>A request of the peer's: posted to the call's hook for it, whose verbs, if any, come back as <see cref="PeerRequestHookAnswered"/>.</summary>
    public void OnPeerRequest(PeerRequest request)
    {
        if (_stopped || PeerRequestHook is not { } hook || services.Script is not IPeerRequestHooks hooks)
        {
            return;
        }

        var call = services.Host.Snapshot();
        services.Work.Run(
            async token => await hooks.OnPeerRequestAsync(call, hook, request, token).ConfigureAwait(false) is { Count: > 0 } verbs ? new PeerRequestHookAnswered(verbs) : null,
            _ => null);
    }

    public void OnDigit(char key)
    {
        if (!_stopped && Background.TakeDigit(key, _current))
        {
            return;
        }

        if (_current is not null)
        {
            _current.OnDigit(key);
        }
        else if (!_stopped)
        {
            TypeAhead.Keep(key);
        }
    }

    /// <summary>The peer reported on a transfer: only the step that asked for it (a running <c>sip:refer</c>) cares.</summary>
    public void OnTransferProgress(Signalling.TransferProgress progress)
    {
        if (!_stopped)
        {
            _current?.OnTransferProgress(progress);
        }
    }

    public void OnStep(VerbStepMessage message)
    {
        if (_stopped)
        {
            return;
        }

        if (message.Generation != _generation)
        {
            // A background verb's, or a late answer for a step already left (dropped).
            Background.OnStep(message);
            return;
        }

        if (message is ScriptReplied replied)
        {
            OnScriptReplied(replied);
            return;
        }

        _current?.OnMessage(message);
    }

    /// <summary>A step's own work reached its end: the step hears it whether or not it still runs.</summary>
    public static void OnStepWork(StepWorkMessage message) => message.Step.OnOwnMessage(message);

    /// <summary>The call ended: the running step finishes what it owes (a recording's result), nothing new starts.</summary>
    public void OnCallEnded(CallSnapshot endedCall)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _generation = IssueGeneration();
        services.Timer.Disarm();
        Background.Dispose();
        var current = _current;
        _current = null;
        NoteEnded("call ended");
        current?.OnCallEnded(endedCall);
    }

    void IStepRunner.Complete(VerbStep step)
    {
        if (ReferenceEquals(step, _current))
        {
            Next();
        }
    }

    void IStepRunner.Report(VerbStep step, VerbResult result)
    {
        if (ReferenceEquals(step, _current))
        {
            LeaveCurrent(VerbOutcomes.Describe(result));
            if (result is RedirectResult)
            {
                _queue.Clear();
            }

            AskScript(result);
        }
    }

    /// <summary>A background barge-in: a say or play that runs now stops, and the next verb runs.</summary>
    /// <summary>
    /// Live control (jambonz <c>listen_status</c>): the running <c>listen</c> and the background stream stop (or go on)
    /// sending the caller's audio to their agents; the connections stay open.
    /// </summary>
    public void PauseListening(bool paused)
    {
        if (_current is ListenStep listen)
        {
            listen.Paused = paused;
        }

        Background.PauseListen(paused);
    }

    public void InterruptPrompt()
    {
        if (!_stopped && _current is { IsPrompt: true })
        {
            BackgroundLog.PromptInterrupted(services.Logger, services.CallSid);
            LeaveCurrent("interrupted");
            Next();
        }
    }

    void IStepRunner.Replace(VerbStep step, IReadOnlyList<Verb> verbs)
    {
        if (ReferenceEquals(step, _current))
        {
            Replace(verbs);
        }
    }

    void IStepRunner.BargeIn(VerbStep step, char key)
    {
        if (!ReferenceEquals(step, _current))
        {
            return;
        }

        TypeAhead.Keep(key);
        StepLog.BargeIn(services.Logger, services.CallSid, key);
        LeaveCurrent("interrupted by a key");
        while (_queue.TryPeek(out var verb) && verb is not GatherVerb)
        {
            _queue.Dequeue();
        }

        Next();
    }

    private void OnScriptReplied(ScriptReplied replied)
    {
        if (replied.Error is not null)
        {
            Log.ScriptFailed(services.Logger, services.CallSid, replied.Error);
            services.Host.EndCall("script error: " + replied.Error, failed: true);
            return;
        }

        if (replied.Verbs is not null)
        {
            _queue = new Queue<Verb>(replied.Verbs);
        }

        Next();
    }

    private void Next()
    {
        LeaveCurrent("done");
        if (!_queue.TryDequeue(out var verb))
        {
            services.Host.OnScriptEnded();
            return;
        }

        _generation = IssueGeneration();
        var step = VerbSteps.Create(verb, new StepScope(_generation, services, this));
        Log.VerbStarted(services.Logger, services.CallSid, verb.Name);
        if (step is null)
        {
            services.Host.EndCall("unsupported verb " + verb.Name, failed: true);
            return;
        }

        _current = step;
        _currentVerb = verb;
        services.Host.Note(CallEventNames.VerbStarted, verb.Name);
        if (!step.NeedsMedia || services.Host.EnsureAnswered())
        {
            step.Start();
        }
    }

    /// <summary>A generation no step, background verb or script question of this call had before.</summary>
    private int IssueGeneration() => ++_lastIssued;

    /// <param name="outcome">How the verb ended, for the timeline: its result, or what made the call leave it.</param>
    private void LeaveCurrent(string outcome)
    {
        services.Timer.Disarm();
        var left = _current;
        _current = null;
        if (left is not null)
        {
            NoteEnded(outcome);
        }

        left?.Leave();
    }

    private void NoteEnded(string outcome)
    {
        if (_currentVerb is { } verb)
        {
            _currentVerb = null;
            services.Host.Note(CallEventNames.VerbEnded, $"{verb.Name}: {outcome}");
        }
    }

    /// <summary>Hands a verb's result to the script source; its answer comes back as <see cref="ScriptReplied"/>.</summary>
    private void AskScript(VerbResult result) => Ask((script, call, token) => script.OnVerbResultAsync(call, result, token));

    private void Ask(Func<IScriptSource, CallSnapshot, CancellationToken, ValueTask<IReadOnlyList<Verb>?>> question)
    {
        var generation = _generation = IssueGeneration();
        var script = services.Script;
        var call = services.Host.Snapshot();
        services.Work.Run(
            async token => new ScriptReplied(generation, await question(script, call, token).ConfigureAwait(false), null),
            error => new ScriptReplied(generation, null, error.Message));
    }
}
