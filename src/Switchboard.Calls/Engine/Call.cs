using System.Text.Json;
using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Signalling;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Tracing;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Engine;

/// <summary>
/// One call leg, outbound (we sent the INVITE) or inbound (we received it). Everything that happens to it (SIP
/// events, keys, timers, API commands, the outcome of its own work) is a message on one channel, handled one at a
/// time by <see cref="RunAsync"/>: the call's state needs no lock. Foreign threads reach it only through its
/// <see cref="CallMailbox"/>; the direction's SIP details live in its <see cref="CallSignalling"/>; its verbs run in a
/// <see cref="VerbRunner"/>; its status changes in <see cref="CallProgress"/>.
/// </summary>
internal sealed class Call : IVerbHost, IDialLeg
{
    private readonly Channel<CallMessage> _inbox = Channel.CreateUnbounded<CallMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CallMailbox _mailbox;
    private readonly CallRequest _request;
    private readonly CallServices _services;
    private readonly CallProgress _progress;
    private readonly CallWork _work;
    private readonly LoopTimer _verbTimer;
    private readonly LoopTimer _limitTimer;
    private MediaSession? _media;
    private CallSignalling? _signalling;
    private VerbRunner? _verbs;
    private WholeCallRecording? _wholeRecording;
    private CallAmd? _amd;

    /// <summary>A dial leg running its confirmation application: the end of its verbs hands it to the dial.</summary>
    private bool _confirming;

    /// <summary>The application asked to hear the peer's requests in the dialog (set on the dialog once it exists).</summary>
    private bool _forwardsPeerRequests;

    /// <summary>The application asked for the call's recording before the answer: it starts at the answer.</summary>
    private bool _recordFromAnswer;

    /// <summary>Who asked us to give up the call before its answer: our CANCEL's 487 then ends it in their name.</summary>
    private CallEndedBy? _cancelledBy;

    /// <param name="legObserver">
    /// For a leg of another call's <c>dial</c>: hears its answer and end. The leg runs no verbs but its
    /// confirmation application (<see cref="CallRequest.Confirmation"/>), whose end with the leg still up is its answer.
    /// </param>
    public Call(CallRecord record, CallRequest request, CallServices services, IDialLegObserver? legObserver = null)
    {
        _request = request;
        _services = services;
        _mailbox = new CallMailbox(_inbox.Writer);
        _progress = new CallProgress(record, request.Sink, services.Store, services.Time, services.Logger, services.StatusFeed) { Tag = request.Tag, LegObserver = legObserver, Leg = this };
        _work = new CallWork(_inbox.Writer);
        _verbTimer = new LoopTimer(_inbox.Writer, services.Time);
        _limitTimer = new LoopTimer(_inbox.Writer, services.Time);
    }

    public string Sid => _progress.Record.Sid;

    /// <summary>The API dialect that asked for the call.</summary>
    public string Dialect => _request.Dialect;

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string Direction => _progress.Record.Direction;

    /// <summary>The call whose <c>dial</c> placed this one; null for a call of its own.</summary>
    public string? ParentSid => _request.ParentCallSid;

    /// <summary>The call's media session, once started.</summary>
    public MediaSession? Media => _media;

    /// <summary>The SIP Call-ID of the INVITE, known once the call has started.</summary>
    public string? SipCallId => _signalling?.Dialog?.CallId;

    /// <summary>Hands a message (a live-control command, a hang-up) to the call's loop. Thread-safe.</summary>
    public void Post(CallMessage message) => _mailbox.Post(message);

    /// <summary>Asks the call to hang up on the application's behalf (an API hang-up, the dial that placed it). Thread-safe.</summary>
    public void RequestHangup(string reason) => RequestHangup(reason, CallEndedBy.Application);

    /// <summary>The dial that placed this leg tells its peer how the transfer it asked for ended. Thread-safe.</summary>
    public void AnswerTransfer(uint sequence, bool accepted) => Post(new TransferAnswerRequested(sequence, accepted));

    /// <summary>The dial that placed this leg lets it go to run <paramref name="script"/> on its own. Thread-safe.</summary>
    public void Adopt(IScriptSource script) => Post(new AdoptionRequested(script));

    /// <summary>Asks the call to hang up on behalf of <paramref name="by"/>. Thread-safe.</summary>
    public void RequestHangup(string reason, CallEndedBy by) => Post(new HangupRequested(reason, Failed: false, by));

    public CallSnapshot Snapshot() => _progress.Snapshot();

    void IVerbHost.EndCall(string reason, bool failed) => Post(new HangupRequested(reason, failed, CallEndedBy.Application));

    void IVerbHost.OnScriptEnded()
    {
        if (_confirming)
        {
            // The answering party heard the confirmation application through and is still here: the dial bridges it.
            _confirming = false;
            _progress.LegObserver!.OnLegAnswered(this);
            return;
        }

        Post(new HangupRequested("script ended", Failed: false, CallEndedBy.Application));
    }

    void IVerbHost.ReportVerbFailed(Verb verb, string reason) => Post(new VerbFailedReported(verb, reason));

    void IVerbHost.Note(string eventName, string detail) => Post(new TimelineNoted(eventName, detail, _services.Time.GetUtcNow()));

    void IVerbHost.SetTag(JsonElement tag) => _progress.Tag = tag.Clone();

    bool IVerbHost.EnsureAnswered() => _signalling!.EnsureAnswered();

    void IVerbHost.Decline(int sipStatus, string reason, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        Post(new DeclineRequested(sipStatus, reason, headers));

    void IVerbHost.StartAmd(AmdSettings settings)
    {
        if (_amd is not null)
        {
            Steps.BackgroundLog.AmdNotStarted(_services.Logger, Sid, "detection already runs on this call");
            return;
        }

        // The config verb already merged its recognizer over the call's defaults of that moment.
        _amd = CallAmd.Start(settings, GreetingOf(settings, RecognizerOptions.None), _media!, _inbox.Writer, _work, _services.Time, Sid, _services.Logger);
    }

    /// <summary>What recognises a decision's greeting, when <paramref name="settings"/> name a recognizer (over <paramref name="inherited"/>).</summary>
    private AmdGreeting? GreetingOf(AmdSettings? settings, RecognizerOptions inherited) =>
        settings?.Recognizer is { } recognizer
            ? new AmdGreeting(_services.Recognizers, _request.AccountSid, inherited.With(recognizer), _services.Time)
            : null;

    void IVerbHost.ControlRecording(CallRecordingAction action) => ControlRecording(action);

    void IVerbHost.AnswerTransfer(uint sequence, bool accepted) => SendTransferOutcome(sequence, accepted);

    void IVerbHost.ForwardPeerRequests()
    {
        _forwardsPeerRequests = true;
        if (_signalling?.Dialog is { } dialog)
        {
            dialog.ForwardsInDialogRequests = true;
        }
    }

    /// <summary>A key from the peer goes to the verbs; a dial leg not running its confirmation application tells its dial instead.</summary>
    private void OnKey(char key)
    {
        if (_progress.LegObserver is { } dial && !_confirming)
        {
            dial.OnLegKey(this, Snapshot(), key);
            return;
        }

        _verbs?.OnDigit(key);
    }

    /// <summary>
    /// The peer asked for a transfer (RFC 3515): it hears at once that we are on it (NOTIFY 100), then the outcome. A
    /// dial leg's request goes to the dial that placed it (its <c>referHook</c>); any other call's to its own verbs.
    /// </summary>
    private void OnTransferAsked(IncomingTransfer transfer)
    {
        Steps.StepLog.TransferAsked(_services.Logger, Sid, transfer.ReferTo);
        NotifyTransfer(transfer.Sequence, 100, "Trying", final: false);
        if (_progress.LegObserver is { } dial && !_confirming)
        {
            dial.OnLegReferred(this, Snapshot(), transfer with { ReferredCallSid = ParentSid });
        }
        else if (_verbs?.OnTransferAsked(transfer) != true)
        {
            SendTransferOutcome(transfer.Sequence, accepted: false);
        }
    }

    /// <summary>The final NOTIFY of a transfer the peer asked for: 200 when the application took it, 603 when not.</summary>
    private void SendTransferOutcome(uint sequence, bool accepted)
    {
        Steps.StepLog.TransferAnswered(_services.Logger, Sid, accepted);
        NotifyTransfer(sequence, accepted ? 200 : 603, accepted ? "OK" : "Declined", final: true);
    }

    private void NotifyTransfer(uint sequence, int status, string reason, bool final)
    {
        if (_signalling?.Dialog is { } dialog)
        {
            // A NOTIFY the peer does not answer changes nothing for the call; the dialog's own failure ends it elsewhere.
            _work.Watch(dialog.SendRequestAsync(SipReferNotification.Create(sequence, status, reason, final), CancellationToken.None), static _ => null);
        }
    }

    private void ControlRecording(CallRecordingAction action)
    {
        MediaFeatureLog.RecordingControlled(_services.Logger, Sid, action);
        switch (action)
        {
            case CallRecordingAction.Start when _progress.Status != CallStatus.InProgress:
                _recordFromAnswer = !_progress.IsFinal;
                break;
            case CallRecordingAction.Start when _wholeRecording is not { IsOpen: true }:
                _wholeRecording = WholeCallRecording.Start(_services.Recordings, _media!, Snapshot(), _work, _services.Logger);
                break;
            case CallRecordingAction.Stop:
                _recordFromAnswer = false;
                _wholeRecording?.Stop();
                break;
            case CallRecordingAction.Pause:
                _wholeRecording?.Pause();
                break;
            case CallRecordingAction.Resume:
                _wholeRecording?.Resume();
                break;
        }
    }

    void IVerbHost.Alert(string alertInfo) => _signalling!.Alert(alertInfo);

    void IVerbHost.Ring() => _signalling!.Ring();

    Task<InDialogAnswer> IVerbHost.SendInDialogAsync(InDialogRequest request, CancellationToken cancellationToken) =>
        SendInDialogAsync(request, cancellationToken);

    async Task<InDialogAnswer> IVerbHost.ReferAsync(ReferVerb refer, CancellationToken cancellationToken)
    {
        if (_signalling?.Dialog is not { } dialog)
        {
            return InDialogAnswer.NoDialog;
        }

        var sip = new SipReferRequest(refer.ReferTo)
        {
            ReferredBy = refer.ReferredBy,
            ReferredByDisplayName = refer.ReferredByDisplayName,
            Headers = refer.Headers,
        };
        return InDialogAnswer.Of(await dialog.ReferAsync(sip, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sends a request inside the call's dialog: for its <c>sip:request</c> verbs and for live control.</summary>
    private async Task<InDialogAnswer> SendInDialogAsync(InDialogRequest request, CancellationToken cancellationToken)
    {
        if (_signalling?.Dialog is not { } dialog)
        {
            return InDialogAnswer.NoDialog;
        }

        return InDialogAnswer.Of(await dialog.SendRequestAsync(request.ToSip(), cancellationToken).ConfigureAwait(false));
    }

    Task<IDialLeg> IVerbHost.PlaceDialLegAsync(DialVerb dial, CallTarget target, IDialLegObserver observer, CancellationToken cancellationToken) =>
        _services.Legs.PlaceLegAsync(DialLegRequest.For(_request, Sid, dial, target), observer, cancellationToken);

    /// <summary>
    /// Allocates media and sends the INVITE to <paramref name="targetUri"/> (naming <paramref name="toUri"/> in the To
    /// when set); synchronous so that the API can answer with the Call-ID.
    /// </summary>
    /// <exception cref="MediaPortsExhaustedException">No media port is free; <see cref="AbandonAsync"/> cleans up.</exception>
    public void Start(string targetUri, string? toUri)
    {
        _media = _services.Media.CreateSession(_mailbox);
        var outbound = new OutboundSignalling(_media, Sid, _services.Time, _services.Logger);
        outbound.Start(_services.Sip, _request, targetUri, toUri, _mailbox);
        _signalling = outbound;
        _progress.Record = _progress.Record with { SipCallId = outbound.Dialog!.CallId };
    }

    /// <summary>
    /// Takes a received INVITE: allocates media, prepares our answer to its offer and rings. The call is answered
    /// only when its first verb needs the media, so an application can still decline it, or leave it ringing while
    /// a <c>dial</c> reaches someone.
    /// </summary>
    /// <exception cref="MediaPortsExhaustedException">No media port is free; <see cref="AbandonAsync"/> cleans up.</exception>
    /// <exception cref="UnusableOfferException">The offer has nothing we can use; <see cref="AbandonAsync"/> cleans up.</exception>
    public void StartInbound(InboundCall sip)
    {
        _media = _services.Media.CreateSession(_mailbox);
        var inbound = new InboundSignalling(sip, _media, _inbox.Writer, Sid, _request.RingsOnArrival, _services.Logger);
        inbound.Start(_mailbox);
        _signalling = inbound;
    }

    /// <summary>A call whose start threw never runs: release the media it had already taken.</summary>
    public async ValueTask AbandonAsync()
    {
        if (_media is not null)
        {
            await _media.DisposeAsync().ConfigureAwait(false);
            _media = null;
        }
    }

    /// <summary>The call's loop: runs until the call has its final status and its own work has ended.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sipCallId = _progress.Record.SipCallId;
        var activity = CallTracing.StartCall(Sid, sipCallId, Dialect, Direction);
        using var scope = _services.Logger.BeginScope(new CallLogScope(Sid, sipCallId, _media?.LocalPort));
        Log.CallStarted(_services.Logger, Sid, Direction, sipCallId, _media?.LocalPort);
        try
        {
            foreach (var (status, sipStatus) in _signalling!.OpeningStatuses)
            {
                await _progress.ChangeAsync(status, sipStatus, null, cancellationToken).ConfigureAwait(false);
            }

            if (_signalling.RunsVerbsBeforeAnswer)
            {
                StartVerbs(_request.Script);
            }

            await foreach (var message in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                if (_progress.IsFinal)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (!_progress.IsFinal)
        {
            var shuttingDown = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            if (!shuttingDown)
            {
                Log.CallCrashed(_services.Logger, exception, Sid);
            }

            HangUpSip();
            await _progress.FinishAsync(
                CallStatus.Failed, null, shuttingDown ? "server shutting down" : "internal error", CallEndedBy.Server, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
            CallTracing.EndCall(activity, _progress.Status.ToWire());
        }
    }

    private async Task HandleAsync(CallMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case SipEventArrived { Event: var sipEvent }:
                await OnFactAsync(_signalling!.Interpret(sipEvent, _progress.Status), cancellationToken).ConfigureAwait(false);
                break;
            case DigitArrived { Digit: var digit }:
                OnKey(digit.Key);
                break;
            case VerbStepMessage step:
                _verbs?.OnStep(step);
                break;
            case StepWorkMessage stepWork:
                VerbRunner.OnStepWork(stepWork);
                break;
            case WorkEnded ended:
                if (_work.OnEnded(ended) is { } outcome)
                {
                    await HandleAsync(outcome, cancellationToken).ConfigureAwait(false);
                }

                break;
            // A ring timeout and a live-control "no-answer" both cancel the INVITE; its 487 then ends the call no-answer.
            case RingTimeoutElapsed or NoAnswerRequested when !_progress.IsFinal && _progress.Status != CallStatus.InProgress:
                _signalling!.Setup.OnGiveUp();
                _cancelledBy ??= CallEndedBy.Server;
                HangUpSip();
                break;
            case HangupRequested hangup:
                await OnHangupRequestedAsync(hangup, cancellationToken).ConfigureAwait(false);
                break;
            case RedirectRequested redirect:
                _verbs?.Redirect(redirect.ActionHook);
                break;
            case VerbFailedReported failed:
                await _progress.ReportVerbFailedAsync(failed.Verb, failed.Reason, cancellationToken).ConfigureAwait(false);
                break;
            case TimelineNoted noted:
                await _progress.NoteAsync(noted.Name, noted.Detail, noted.At, cancellationToken).ConfigureAwait(false);
                break;
            case TagUpdateRequested update:
                _progress.Tag = update.Tag;
                break;
            // A dial leg's hook answers for the call that dialled it, whose verbs it replaces.
            case AmdVerbsArrived arrived when _progress.LegObserver is { } legObserver:
                legObserver.OnLegAmdAnswered(this, arrived.Verbs);
                break;
            case AmdMessage amd:
                if (amd is AmdDetected { Event: var detected })
                {
                    await _progress.NoteAsync(CallEventNames.Amd, $"{detected.Kind}: {detected.Reason}", _services.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                _amd?.Handle(amd, Snapshot(), _verbs);
                break;
            case TimeLimitReached:
                await OnHangupRequestedAsync(new HangupRequested("time limit reached", Failed: false, CallEndedBy.Server), cancellationToken).ConfigureAwait(false);
                break;
            case MuteRequested mute when _media is not null:
                _media.MutePeer = mute.Muted;
                break;
            case TranscriptionPauseRequested pause when _verbs is not null:
                _verbs.Background.PauseTranscription(pause.Paused);
                break;
            case ListenPauseRequested pause when _verbs is not null:
                _verbs.PauseListening(pause.Paused);
                break;
            case DigitsRequested digits when _media is not null && _progress.Status == CallStatus.InProgress:
                // The keys go out on the media clock; a call that ends first simply stops sending them.
                _work.Watch(_media.SendDigitsAsync(digits.Digits, DigitSendOptions.Default with { ToneDuration = digits.ToneDuration }, CancellationToken.None), static _ => null);
                break;
            case TransferHookAnswered answered:
                SendTransferOutcome(answered.Transfer.Sequence, accepted: answered.Verbs is not null);
                if (answered.Verbs is { Count: > 0 } verbs)
                {
                    _verbs?.Replace(verbs);
                }

                break;
            case PeerRequestHookAnswered answered:
                _verbs?.Replace(answered.Verbs);
                break;
            case TransferAnswerRequested answer:
                SendTransferOutcome(answer.Sequence, answer.Accepted);
                break;
            case RecordingControlRequested recording:
                ControlRecording(recording.Action);
                break;
            case WhisperRequested whisper:
                whisper.Answer.TrySetResult(_verbs?.Whisper(whisper.Prompts, whisper.PartySid) == true);
                break;
            case ChildRedirectRequested redirect:
                redirect.Answer.TrySetResult(_verbs?.RedirectChild(redirect.Hook) == true);
                break;
            case AdoptionRequested adoption when _progress.Status == CallStatus.InProgress && _progress.LegObserver is not null && !_confirming:
                // The dial let this leg go: from now on it is a call of its own, whose end the dial no longer hears.
                // A confirmation application that ran before has nothing left but its background work, which stops.
                _progress.LegObserver = null;
                _verbs?.OnCallEnded(Snapshot());
                StartVerbs(adoption.Script);
                break;
            case InDialogRequested requested:
                SendForLiveControl(requested);
                break;
            case InboundAnswerSent:
                await EnterInProgressAsync(cancellationToken).ConfigureAwait(false);
                break;
            case DeclineRequested decline:
                await OnDeclineRequestedAsync(decline, cancellationToken).ConfigureAwait(false);
                break;
            // A peer gone without a BYE (crash, lost network): send ours and end completed; early media is the ring timer's.
            case MediaTimedOut when _progress.Status == CallStatus.InProgress:
                await OnHangupRequestedAsync(new HangupRequested("media timeout", Failed: false, CallEndedBy.Server), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnFactAsync(CallFact? fact, CancellationToken cancellationToken)
    {
        switch (fact)
        {
            case Rings rings:
                await _progress.ChangeAsync(rings.EarlyMedia ? CallStatus.EarlyMedia : CallStatus.Ringing, rings.SipStatus, null, cancellationToken).ConfigureAwait(false);
                break;
            case Answers:
                await EnterInProgressAsync(cancellationToken).ConfigureAwait(false);
                if (_progress.LegObserver is { } legObserver)
                {
                    // A dial leg is bridged by the call that dialled it instead of running verbs, unless the dial asks
                    // the answering party to run a confirmation application first, on this leg only.
                    if (_request.Confirmation is { } confirmation)
                    {
                        _confirming = true;
                        StartVerbs(confirmation);
                        return;
                    }

                    legObserver.OnLegAnswered(this);
                    return;
                }

                StartVerbs(_request.Script);
                break;
            case Ends ends:
                if (ends.HangUpFirst)
                {
                    HangUpSip();
                }

                // Our CANCEL's 487 (or the one the SIP layer reports for a 2xx that raced it) ends the call for whoever gave up.
                var by = ends.SipStatus == 487 && _cancelledBy is { } cancelledBy ? cancelledBy : ends.By;
                await _progress.FinishAsync(ends.Status, ends.SipStatus, ends.Reason, by, cancellationToken).ConfigureAwait(false);
                break;
            case KeyPressed key:
                OnKey(key.Key);
                break;
            case TransferProgress progress:
                _verbs?.OnTransferProgress(progress);
                break;
            case PeerRequestArrived arrived:
                _verbs?.OnPeerRequest(arrived.Request);
                break;
            case TransferAsked asked:
                OnTransferAsked(asked.Transfer);
                break;
        }
    }

    private async Task EnterInProgressAsync(CancellationToken cancellationToken)
    {
        _progress.Record = _progress.Record with { AnsweredAt = _services.Time.GetUtcNow() };
        await _progress.ChangeAsync(CallStatus.InProgress, 200, null, cancellationToken).ConfigureAwait(false);
        if (_request.TimeLimit is { } limit)
        {
            _limitTimer.Arm(limit, new TimeLimitReached());
        }

        if (_forwardsPeerRequests && _signalling?.Dialog is { } dialog)
        {
            dialog.ForwardsInDialogRequests = true;
        }

        // Both listen from the answer on, whichever side answered; a dial leg's request asks for neither. An application
        // that asked for its recording before the answer has it from here.
        _wholeRecording = _recordFromAnswer
            ? WholeCallRecording.Start(_services.Recordings, _media!, Snapshot(), _work, _services.Logger)
            : WholeCallRecording.Start(_request, _services.Recordings, _media!, Snapshot(), _work, _services.Logger);
        // A config.amd may have started detection already (an inbound call answered for it).
        _amd ??= CallAmd.Start(_request.Amd, GreetingOf(_request.Amd, _request.Recognizer), _media!, _inbox.Writer, _work, _services.Time, Sid, _services.Logger);
    }

    private void StartVerbs(IScriptSource script)
    {
        var steps = new StepServices(Sid, _request.AccountSid, _media!, _services.Prompts, script, this, _inbox.Writer, _work, _verbTimer, _services.Time, _services.Logger)
        {
            Recordings = _services.Recordings,
            Recognizers = _services.Recognizers,
            Streams = _services.Streams,
        };
        _verbs = new VerbRunner(steps, _request.Speech) { Recognizer = _request.Recognizer };
        _verbs.Start();
    }

    /// <summary>Live control's request in the dialog: only an answered call has one; the answer completes the caller's wait.</summary>
    private void SendForLiveControl(InDialogRequested requested)
    {
        if (_progress.Status != CallStatus.InProgress)
        {
            requested.Answer.TrySetResult(InDialogAnswer.NoDialog);
            return;
        }

        _work.Watch(AnswerAsync(), static _ => null);

        async Task AnswerAsync()
        {
            try
            {
                requested.Answer.TrySetResult(await SendInDialogAsync(requested.Request, CancellationToken.None).ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                requested.Answer.TrySetException(exception);
            }
        }
    }

    /// <summary>Refuses an inbound call not yet answered; an answered one (or an outbound one) is hung up instead.</summary>
    private async Task OnDeclineRequestedAsync(DeclineRequested decline, CancellationToken cancellationToken)
    {
        if (!_signalling!.CanRefuse)
        {
            await OnHangupRequestedAsync(
                new HangupRequested($"declined with {decline.SipStatus} {decline.Reason}", Failed: false, CallEndedBy.Application), cancellationToken).ConfigureAwait(false);
            return;
        }

        await RefuseAsync(decline.SipStatus, decline.Reason, decline.Reason, CallEndedBy.Application, cancellationToken, decline.Headers).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses the unanswered inbound INVITE (RFC 3261 §13.3.1.3) and ends the call with the status that response
    /// means, as if a callee had sent it; no SIP event follows our own refusal.
    /// </summary>
    private async Task RefuseAsync(
        int sipStatus, string sipReason, string reason, CallEndedBy by, CancellationToken cancellationToken, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        if (_signalling!.Refuse(sipStatus, sipReason, headers ?? []))
        {
            await _progress.FinishAsync(_signalling.StatusOfRefusal(sipStatus, sipReason), sipStatus, reason, by, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnHangupRequestedAsync(HangupRequested hangup, CancellationToken cancellationToken)
    {
        if (_progress.IsFinal)
        {
            return;
        }

        if (_signalling!.CanRefuse)
        {
            // Nothing was answered: a broken script refuses with 500 (failed), any other hang-up with 480 (no-answer).
            var sipStatus = hangup.Failed ? 500 : 480;
            await RefuseAsync(sipStatus, SipReasonPhrases.For(sipStatus), hangup.Reason, hangup.By, cancellationToken).ConfigureAwait(false);
            return;
        }

        HangUpSip();
        if (_progress.Status == CallStatus.InProgress)
        {
            await _progress.FinishAsync(hangup.Failed ? CallStatus.Failed : CallStatus.Completed, null, hangup.Reason, hangup.By, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Before the answer the CANCEL's 487 (or a racing final response) brings the final status, for whoever asked first.
        _cancelledBy ??= hangup.By;
    }

    /// <summary>Sends our CANCEL or BYE; the transaction's end is the call's own work, so a failure is logged, not lost.</summary>
    private void HangUpSip()
    {
        if (_signalling?.Dialog is not { } dialog)
        {
            return;
        }

        var logger = _services.Logger;
        var sid = Sid;
        _work.Watch(
            dialog.HangupAsync(CancellationToken.None),
            hangup =>
            {
                if (hangup.Exception is { } failure)
                {
                    Log.HangupFailed(logger, failure, sid);
                }

                return null;
            });
    }

    private async Task ReleaseAsync()
    {
        _signalling?.Stop();
        _limitTimer.Dispose();
        _verbTimer.Dispose();
        _verbs?.OnCallEnded(Snapshot());
        _amd?.Dispose();
        _wholeRecording?.Stop();
        _work.EndAll();
        await AbandonAsync().ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
    }

    /// <summary>
    /// After the final status the loop goes on reading until every piece of the call's own work has ended, so each
    /// outcome that still matters (a recording stored, its result owed to the action hook) is handled on the loop.
    /// </summary>
    private async Task DrainAsync()
    {
        var drained = await _work.DrainAsync(
            _inbox.Reader,
            static outcome =>
            {
                if (outcome is StepWorkMessage stepWork)
                {
                    VerbRunner.OnStepWork(stepWork);
                }
            },
            _services.Time).ConfigureAwait(false);
        if (!drained)
        {
            Log.WorkAbandoned(_services.Logger, Sid, _work.Running, CallWork.DrainPatience.TotalSeconds);
        }
    }
}
