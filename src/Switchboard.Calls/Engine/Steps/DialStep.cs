using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Bridging;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// One running <c>dial</c>: every target rings at once while the caller hears the hold prompt, if any, over and over;
/// the first to answer hears the greeting, if any, then is bridged to the dialling call, and the others are canceled. A
/// leg with a confirmation application (<c>confirmHook</c>) runs it on its own loop and reports its answer only once
/// the application ended with the leg still up; one that ends meanwhile is one more leg that ended.
/// Once connected both parties may be recorded, hear live whispers, and the callee may leave to run an application of
/// its own (jambonz's <c>child_call_hook</c>). The result goes to the script when the dial ends, or, when the caller
/// hung up while connected, straight to the script source after the call ended (once the recordings are stored). Lives
/// on the dialling call's loop; the legs report through the loop's channel, so only the list of placed legs (written
/// by the placing work) needs a lock.
/// </summary>
internal sealed class DialStep(DialVerb verb, StepScope scope) : VerbStep(scope), IDialLegObserver
{
    private readonly Lock _placedGate = new();
    private readonly List<IDialLeg> _placed = [];
    private readonly CancellationTokenSource _placing = new();
    private readonly DialAudioPlayer? _hold = verb.HoldPrompt is null ? null : new(scope, DialAudio.Hold, scope.Services.Media);
    private readonly KeyPatterns? _callerKeys = verb.DtmfHook is null || verb.CallerKeyPatterns.Count == 0 ? null : new(verb.CallerKeyPatterns, scope.Services.Time);
    private readonly KeyPatterns? _calleeKeys = verb.DtmfHook is null || verb.CalleeKeyPatterns.Count == 0 ? null : new(verb.CalleeKeyPatterns, scope.Services.Time);
    private int _outstanding;
    private DialStage _stage = DialStage.Ringing;
    private IDialLeg? _answered;
    private DialAudioPlayer? _greeting;
    private int _greetingsLeft;
    private AudioClip? _holdClip;
    private AudioClip? _greetingClip;
    private MediaBridge? _bridge;
    private long _connectedAt;
    private DateTimeOffset _connectedWall;
    private DialPartyRecordings? _recordings;
    private DialWhisper? _whisper;
    private DialResult? _owed;
    private CallSnapshot? _endedCall;
    private DialLegEnded? _mostHopeful;
    private bool _left;

    /// <summary>A hold prompt must be heard, so the caller is answered first; without one the caller hears ringing until a target answers.</summary>
    public override bool NeedsMedia => verb.HoldPrompt is not null;

    /// <summary>Places every target, each one's outcome coming back through the channel, and renders the hold prompt.</summary>
    public override void Start()
    {
        // A caller who has heard nothing since 100 Trying hears ringback while the targets ring.
        Services.Host.Ring();
        _outstanding = verb.Targets.Count;
        var placing = _placing.Token;
        foreach (var target in verb.Targets)
        {
            Services.Work.Run(_ => PlaceAsync(target, placing), _ => null, endsWithOwner: false);
        }

        if (verb.HoldPrompt is { } hold)
        {
            _hold!.Render(hold);
        }
    }

    /// <summary>Called on a leg's loop: hands the answer to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegAnswered(IDialLeg leg) => Services.Inbox.TryWrite(new DialLegAnswered(Generation, leg));

    /// <summary>Called on a leg's loop: hands the end to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegEnded(IDialLeg leg, CallStatus status, int? sipStatus) =>
        Services.Inbox.TryWrite(new DialLegEnded(Generation, leg, status, sipStatus, null));

    /// <summary>Called on a leg's loop: hands its peer's key to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegKey(IDialLeg leg, CallSnapshot legCall, char key) =>
        Services.Inbox.TryWrite(new DialLegKey(Generation, leg, legCall, key));

    /// <summary>Called on a leg's loop: hands the transfer its peer asked for to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegReferred(IDialLeg leg, CallSnapshot legCall, IncomingTransfer transfer) =>
        Services.Inbox.TryWrite(new DialLegReferred(Generation, leg, legCall, transfer));

    /// <summary>Called on a leg's loop: hands the answering-machine hook's verbs to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegAmdAnswered(IDialLeg leg, IReadOnlyList<Verb> verbs) =>
        Services.Inbox.TryWrite(new DialAmdAnswered(Generation, verbs));

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case DialLegAnswered answered:
                OnLegAnswered(answered.Leg);
                break;
            case DialLegEnded ended when OnLegEnded(ended) is { } result:
                StepLog.DialEnded(Services.Logger, Services.CallSid, result.Status.ToWire(), result.DialCallSid);
                Runner.Report(this, result);
                break;
            case DialAudioReady ready:
                OnAudioReady(ready);
                break;
            case DialAudioEnded ended:
                OnAudioEnded(ended);
                break;
            case DialLegKey { Leg: var keyLeg } key when ReferenceEquals(keyLeg, _answered) && _stage == DialStage.Connected:
                ReportKeyPattern(_calleeKeys, key.LegCall, key.Key);
                break;
            case DialLegReferred referred:
                OnLegReferred(referred);
                break;
            case DialTransferAnswered answered:
                OnTransferAnswered(answered);
                break;
            case DialAmdAnswered amd:
                // As jambonz: the answer to a dialled party's answering-machine event replaces the dialling call's
                // application, so leaving the dial hangs the legs up and the answer's verbs run.
                Runner.Replace(this, amd.Verbs);
                break;
        }
    }

    /// <summary>
    /// Live control: <paramref name="prompts"/> play to <paramref name="partySid"/> (the caller or the connected callee)
    /// while the bridge is down; false unless the dial is connected and the party is one of its two.
    /// </summary>
    public override bool OnWhisper(IReadOnlyList<Verb> prompts, string partySid)
    {
        if (_stage != DialStage.Connected)
        {
            return false;
        }

        var party = partySid == Services.CallSid ? Services.Media : partySid == _answered!.Sid ? _answered.Media : null;
        if (party is null)
        {
            return false;
        }

        StepLog.DialWhisper(Services.Logger, Services.CallSid, partySid, prompts.Count);
        if (_whisper is not null)
        {
            _whisper.Enqueue(party, prompts);
            return true;
        }

        _whisper = new DialWhisper(Scope);
        _whisper.Enqueue(party, prompts);
        DisconnectBridge();
        ContinueWhisper();
        return true;
    }

    /// <summary>
    /// Live control: the connected callee leaves the dial to run <paramref name="hook"/>'s application as a call of its
    /// own, and the dial ends as if the callee had hung up (the caller goes on with the dial's result). False unless
    /// connected, or when this application cannot post to hooks of its own.
    /// </summary>
    public override bool OnChildRedirect(string hook)
    {
        if (_stage != DialStage.Connected || Services.Script is not IDialLegHooks hooks)
        {
            return false;
        }

        Release(hooks.AdoptedScript(hook));
        return true;
    }

    /// <summary>
    /// The caller's peer asked for a transfer: with a <c>referHook</c>, a connected dial takes it, and the hook's verbs
    /// become the callee's own application (jambonz's REFER on the parent leg).
    /// </summary>
    public override bool OnTransferAsked(IncomingTransfer transfer)
    {
        if (_stage != DialStage.Connected || verb.ReferHook is null || Services.Script is not IReferHooks)
        {
            return false;
        }

        AskReferHook(Services.Host.Snapshot(), transfer with { ReferredCallSid = _answered!.Sid }, fromCallee: false);
        return true;
    }

    /// <summary>The callee's peer asked for a transfer: a connected dial with a <c>referHook</c> asks it; otherwise it is refused.</summary>
    private void OnLegReferred(DialLegReferred referred)
    {
        if (_stage != DialStage.Connected || !ReferenceEquals(referred.Leg, _answered) || verb.ReferHook is null || Services.Script is not IReferHooks)
        {
            referred.Leg.AnswerTransfer(referred.Transfer.Sequence, accepted: false);
            return;
        }

        AskReferHook(referred.LegCall, referred.Transfer, fromCallee: true);
    }

    private void AskReferHook(CallSnapshot referring, IncomingTransfer transfer, bool fromCallee)
    {
        var hooks = (IReferHooks)Services.Script;
        var hook = verb.ReferHook!;
        var generation = Generation;
        Services.Work.Run(
            async token => new DialTransferAnswered(generation, transfer, await hooks.OnTransferAskedAsync(referring, hook, transfer, token).ConfigureAwait(false), fromCallee),
            _ => new DialTransferAnswered(generation, transfer, null, fromCallee));
    }

    /// <summary>
    /// The <c>referHook</c> answered. The party that asked hears the outcome; new verbs go to the other party: the
    /// caller's application is replaced (leaving the dial hangs the callee up), or the callee leaves the dial to run them.
    /// </summary>
    private void OnTransferAnswered(DialTransferAnswered answered)
    {
        var accepted = answered.Verbs is not null;
        if (answered.FromCallee)
        {
            _answered?.AnswerTransfer(answered.Transfer.Sequence, accepted);
        }
        else
        {
            Services.Host.AnswerTransfer(answered.Transfer.Sequence, accepted);
        }

        if (answered.Verbs is not { Count: > 0 } verbs || _stage != DialStage.Connected)
        {
            return;
        }

        if (answered.FromCallee)
        {
            Runner.Replace(this, verbs);
        }
        else if (Services.Script is IDialLegHooks hooks)
        {
            Release(hooks.AdoptedScript(verbs));
        }
    }

    /// <summary>
    /// The connected callee leaves the dial to run <paramref name="application"/> as a call of its own; the dial ends
    /// as if it had hung up.
    /// </summary>
    private void Release(IScriptSource application)
    {
        var leg = _answered!;
        lock (_placedGate)
        {
            // Leaving the dial hangs up the legs it placed: not this one any more.
            _placed.Remove(leg);
        }

        var result = Disconnect(DialEndedBy.Callee);
        leg.Adopt(application);
        StepLog.DialChildRedirected(Services.Logger, Services.CallSid, leg.Sid);
        if (result is not null)
        {
            Deliver(result);
        }
    }

    /// <summary>A key of the caller's: while connected, it may complete one of the caller's patterns; it is kept for a later gather either way.</summary>
    public override void OnDigit(char key)
    {
        if (_stage == DialStage.Connected)
        {
            ReportKeyPattern(_callerKeys, Services.Host.Snapshot(), key);
        }

        base.OnDigit(key);
    }

    /// <summary>Posts the pattern <paramref name="key"/> completes, if any, to the dial's <c>dtmfHook</c> with the party that pressed it.</summary>
    private void ReportKeyPattern(KeyPatterns? patterns, CallSnapshot party, char key)
    {
        if (patterns?.Press(key) is not { } pattern || Services.Script is not IKeyPatternHooks hooks)
        {
            return;
        }

        StepLog.DialKeyPattern(Services.Logger, Services.CallSid, party.Sid, pattern);
        var hook = verb.DtmfHook!;
        var logger = Services.Logger;
        var callSid = Services.CallSid;
        Services.Work.Run(
            async token =>
            {
                await hooks.OnKeyPatternAsync(party, hook, pattern, token).ConfigureAwait(false);
                return null;
            },
            error =>
            {
                StepLog.DialKeyPatternNotPosted(logger, callSid, error.Message);
                return null;
            });
    }

    /// <summary>The party recordings are stored: the result they held back goes out.</summary>
    public override void OnOwnMessage(StepWorkMessage message)
    {
        if (message is not DialRecordingsStored stored || _owed is not { } owed)
        {
            return;
        }

        _owed = null;
        _stage = DialStage.Over;
        Deliver(owed with { RecordingSids = stored.Sids });
    }

    /// <summary>The first answer wins: the call is answered if it still rang, the other legs canceled, then the greeting plays or the two are bridged.</summary>
    public void OnLegAnswered(IDialLeg leg)
    {
        if (_answered is not null)
        {
            // Two answers crossed; the later one is hung up (RFC 3261 §13.2.2.4 leaves it to the UAC).
            leg.RequestHangup("another target answered first");
            return;
        }

        if (leg.Media is not { } legMedia || !Services.Host.EnsureAnswered())
        {
            leg.RequestHangup("the caller has gone");
            return;
        }

        _answered = leg;
        foreach (var other in PlacedLegs())
        {
            if (!ReferenceEquals(other, leg))
            {
                other.RequestHangup("another target answered first");
            }
        }

        if (verb.Greeting is { } greeting)
        {
            StepLog.DialGreeting(Services.Logger, Services.CallSid, leg.Sid);
            _stage = DialStage.Greeting;
            _greeting = new DialAudioPlayer(Scope, DialAudio.Greeting, legMedia);
            _greeting.Render(greeting);
            return;
        }

        Connect(legMedia);
    }

    /// <summary>A leg has its final status; returns the dial's result once the dial is over, else null.</summary>
    public DialResult? OnLegEnded(DialLegEnded ended)
    {
        _outstanding--;
        if (_answered is not null && ReferenceEquals(ended.Leg, _answered))
        {
            return OnAnsweredLegEnded(ended);
        }

        if (_mostHopeful is null || Hope(ended.Status) < Hope(_mostHopeful.Status))
        {
            _mostHopeful = ended;
        }

        if (_answered is not null || _outstanding > 0)
        {
            return null;
        }

        _stage = DialStage.Over;
        _hold?.Stop();
        var outcome = _mostHopeful!;
        var status = outcome.Status == CallStatus.Canceled ? CallStatus.NoAnswer : outcome.Status;
        return new DialResult(verb, status, outcome.SipStatus, outcome.Leg?.Sid, TimeSpan.Zero);
    }

    /// <summary>Leaves the dial: the bridge comes down and every leg still up is hung up or canceled.</summary>
    public override void Leave()
    {
        IDialLeg[] legs;
        lock (_placedGate)
        {
            if (_left)
            {
                return;
            }

            _left = true;
            legs = [.. _placed];
        }

        _placing.Cancel();
        _placing.Dispose();
        _hold?.Stop();
        _greeting?.Stop();
        _whisper?.Stop();
        DisconnectBridge();
        _recordings?.Stop();
        foreach (var leg in legs)
        {
            leg.RequestHangup("the dial was left");
        }
    }

    /// <summary>
    /// The dialling call ended. A connected dial still owes its result (the caller ended it), delivered to the script
    /// source once its recordings are stored; a dial still ringing or greeting reports nothing.
    /// </summary>
    public override void OnCallEnded(CallSnapshot endedCall)
    {
        _endedCall = endedCall;
        var result = _stage == DialStage.Connected ? Disconnect(DialEndedBy.Caller) : null;
        Leave();
        if (result is not null)
        {
            Deliver(result);
        }
    }

    private DialResult? OnAnsweredLegEnded(DialLegEnded ended)
    {
        switch (_stage)
        {
            case DialStage.Greeting:
                // The target hung up while it heard the greeting: the dial ends as with any target that ended.
                _stage = DialStage.Over;
                _hold?.Stop();
                _greeting?.Stop();
                return new DialResult(verb, ended.Status, ended.SipStatus, _answered!.Sid, TimeSpan.Zero);
            case DialStage.Connected:
                return Disconnect(DialEndedBy.Callee);
            default:
                return null;
        }
    }

    private void OnAudioReady(DialAudioReady ready)
    {
        if (ready.Clip is not { } clip)
        {
            StepLog.PromptFailed(Services.Logger, Services.CallSid, ready.Error ?? "unknown");
            if (ready.Audio == DialAudio.Greeting && _stage == DialStage.Greeting)
            {
                Connect(_answered!.Media!);
            }
            else if (ready.Audio == DialAudio.Whisper)
            {
                ContinueWhisper();
            }

            return;
        }

        if (ready.Audio == DialAudio.Hold && _stage is DialStage.Ringing or DialStage.Greeting && !clip.Samples.IsEmpty)
        {
            _holdClip = clip;
            _hold!.Play(clip);
        }
        else if (ready.Audio == DialAudio.Whisper && _stage == DialStage.Connected)
        {
            _whisper?.Play(clip);
        }
        else if (ready.Audio == DialAudio.Greeting && _stage == DialStage.Greeting)
        {
            _greetingClip = clip;
            _greetingsLeft = 1 + Math.Max(0, verb.GreetingRepeats);
            _greeting!.Play(clip);
        }
    }

    private void OnAudioEnded(DialAudioEnded ended)
    {
        // A play that did not reach its end was stopped (the bridge, the dial's end) or met a closed session, whose
        // leg's end is on its way: nothing more plays.
        if (!ended.Completed)
        {
            return;
        }

        if (ended.Audio == DialAudio.Hold && _stage is DialStage.Ringing or DialStage.Greeting)
        {
            _hold!.Play(_holdClip!);
        }
        else if (ended.Audio == DialAudio.Whisper)
        {
            ContinueWhisper();
        }
        else if (ended.Audio == DialAudio.Greeting && _stage == DialStage.Greeting)
        {
            if (--_greetingsLeft > 0)
            {
                _greeting!.Play(_greetingClip!);
                return;
            }

            Connect(_answered!.Media!);
        }
    }

    /// <summary>The next whispered prompt renders; after the last the two parties are bridged again.</summary>
    private void ContinueWhisper()
    {
        if (_whisper is null || _stage != DialStage.Connected || _whisper.Next())
        {
            return;
        }

        _whisper = null;
        Bridge(_answered!.Media!);
    }

    /// <summary>Bridges the caller to the answered leg: the hold prompt stops, the recordings start.</summary>
    private void Connect(MediaSession legMedia)
    {
        _hold?.Stop();
        if (!Bridge(legMedia))
        {
            // The target hung up at the end of its greeting: its end, on its way, ends the dial.
            return;
        }

        _stage = DialStage.Connected;
        _connectedAt = Services.Time.GetTimestamp();
        _connectedWall = Services.Time.GetUtcNow();
        StepLog.DialConnected(Services.Logger, Services.CallSid, _answered!.Sid);
        if (verb.RecordParties)
        {
            _recordings = DialPartyRecordings.Start(this, Services, legMedia);
        }
    }

    /// <summary>The two parties hear each other; false when one has hung up (its end is on its way).</summary>
    private bool Bridge(MediaSession legMedia)
    {
        try
        {
            _bridge = MediaBridge.Connect(Services.Media, legMedia, new BridgeOptions { PassDigits = verb.PassDigits });
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The bridge comes down; returns the result, or null when it waits for the party recordings to be stored.</summary>
    private DialResult? Disconnect(DialEndedBy endedBy)
    {
        _whisper?.Stop();
        _whisper = null;
        DisconnectBridge();
        var result = new DialResult(verb, CallStatus.Completed, 200, _answered!.Sid, Services.Time.GetElapsedTime(_connectedAt))
        {
            ConnectedAt = _connectedWall,
            EndedBy = endedBy,
        };
        if (_recordings is null)
        {
            _stage = DialStage.Over;
            return result;
        }

        _stage = DialStage.Storing;
        _owed = result;
        _recordings.Stop();
        return null;
    }

    /// <summary>Hands the finished dial's result to the script, or to the script source when the call has ended; nowhere when the dial was left.</summary>
    private void Deliver(DialResult result)
    {
        StepLog.DialEnded(Services.Logger, Services.CallSid, result.Status.ToWire(), result.DialCallSid);
        if (_endedCall is { } endedCall)
        {
            var logger = Services.Logger;
            var callSid = Services.CallSid;
            LateResults.Deliver(Services, endedCall, result, error => StepLog.DialHookFailed(logger, callSid, error));
        }
        else if (!_left)
        {
            Runner.Report(this, result);
        }
    }

    /// <summary>Placing work: null once the leg is placed (it reports through the observer), else the failed leg.</summary>
    private async Task<CallMessage?> PlaceAsync(CallTarget target, CancellationToken placing)
    {
        try
        {
            var leg = await Services.Host.PlaceDialLegAsync(verb, target, this, placing).ConfigureAwait(false);
            bool keep;
            lock (_placedGate)
            {
                keep = !_left;
                if (keep)
                {
                    _placed.Add(leg);
                }
            }

            if (!keep)
            {
                leg.RequestHangup("the dial was left");
            }

            return null;
        }
        catch (Exception exception)
        {
            // A target that cannot even be placed is one more failed leg; it must not end the dial by itself.
            StepLog.DialLegNotPlaced(Services.Logger, Services.CallSid, target.Address, exception.Message);
            return new DialLegEnded(Generation, null, CallStatus.Failed, exception is NoRouteException ? 404 : 503, exception.Message);
        }
    }

    private IDialLeg[] PlacedLegs()
    {
        lock (_placedGate)
        {
            return [.. _placed];
        }
    }

    private void DisconnectBridge()
    {
        _bridge?.Disconnect();
        _bridge = null;
    }

    /// <summary>
    /// Which outcome to report when nobody was connected: a target that answered but ended during its confirmation
    /// application (completed, as jambonz reports it), then one that rang out (try again later), then a busy one,
    /// then one that failed outright.
    /// </summary>
    private static int Hope(CallStatus status) => status switch
    {
        CallStatus.Completed => -1,
        CallStatus.NoAnswer or CallStatus.Canceled => 0,
        CallStatus.Busy => 1,
        _ => 2,
    };
}
