using System.Text.Json;
using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Engine;

/// <summary>
/// One call leg, outbound (we sent the INVITE) or inbound (we received it). Everything that happens to it (SIP
/// events, keys, timers, API commands) is a message on one channel, handled one at a time by
/// <see cref="RunAsync"/>: the call's state needs no lock.
/// </summary>
internal sealed class Call : ISipCallObserver, IMediaSessionObserver, IVerbHost, ISipOfferAnswerer, IDialLeg
{
    private readonly Channel<CallMessage> _inbox = Channel.CreateUnbounded<CallMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CallStatusMachine _status = new();
    private readonly CallRequest _request;
    private readonly string? _targetUri;
    private readonly CallServices _services;
    private readonly IDialLegObserver? _legObserver;
    private CallRecord _record;
    private long _eventSequence;
    private MediaSession? _media;
    private SipCall? _sipCall;
    private InboundCall? _inbound;
    private string? _inboundAnswerSdp;
    private bool _inboundAnswered;
    private VerbRunner? _verbs;
    private WholeCallRecording? _wholeRecording;
    private CallAmd? _amd;
    private LoopScheduler? _ringTimer;
    private LoopScheduler? _limitTimer;
    private JsonElement? _tag;
    private bool _heardProvisional;
    private bool _ringTimedOut;
    private bool _answerApplied;

    /// <param name="targetUri">Where to send the INVITE; null for an inbound call.</param>
    /// <param name="legObserver">For a leg of another call's <c>dial</c>: hears its answer and end, and the leg runs no verbs.</param>
    public Call(CallRecord record, CallRequest request, string? targetUri, CallServices services, IDialLegObserver? legObserver = null)
    {
        _record = record;
        _request = request;
        _targetUri = targetUri;
        _services = services;
        _legObserver = legObserver;
        _tag = request.Tag;
    }

    /// <summary>
    /// The To URI of the INVITE when it is not the target URI: a registered user's address-of-record, while the
    /// INVITE goes to the contact it registered (RFC 3261 §8.1.1.2). Null: the To is the target URI.
    /// </summary>
    public string? ToUri { get; init; }

    public string Sid => _record.Sid;

    /// <summary>The call's media session, once started.</summary>
    public MediaSession? Media => _media;

    /// <summary>The SIP Call-ID of the INVITE, known once <see cref="Start"/> has sent it.</summary>
    public string? SipCallId => _sipCall?.CallId;

    public void OnSipEvent(SipCallEvent sipEvent) => _inbox.Writer.TryWrite(new SipEventArrived(sipEvent));

    public void OnDigit(DtmfDigit digit) => _inbox.Writer.TryWrite(new DigitArrived(digit));

    public void OnMediaTimeout() => _inbox.Writer.TryWrite(new MediaTimedOut());

    public void RequestHangup(string reason) => _inbox.Writer.TryWrite(new HangupRequested(reason, Failed: false));

    /// <summary>Live control: run what <paramref name="actionHook"/> answers instead of the current verbs.</summary>
    public void Redirect(string actionHook) => _inbox.Writer.TryWrite(new RedirectRequested(actionHook));

    /// <summary>Live control: replace the call's application data.</summary>
    public void UpdateTag(JsonElement tag) => _inbox.Writer.TryWrite(new TagUpdateRequested(tag.Clone()));

    /// <summary>Live control: stop ringing and end as no-answer.</summary>
    public void RequestNoAnswer() => _inbox.Writer.TryWrite(new NoAnswerRequested());

    /// <summary>Hands a live-control command to the call's loop.</summary>
    public void Post(CallMessage command) => _inbox.Writer.TryWrite(command);

    public CallSnapshot Snapshot() => new(
        _record.Sid, _record.AccountSid, _record.From, _record.To, _record.SipCallId, _status.Current,
        _record.CreatedAt, _record.AnsweredAt, _record.EndedAt)
    {
        Direction = _record.Direction,
        SipStatus = _record.SipStatus,
        ParentCallSid = _record.ParentCallSid,
        Tag = _tag,
    };

    public void EndCall(string reason, bool failed) => _inbox.Writer.TryWrite(new HangupRequested(reason, failed));

    public void SetTag(JsonElement tag) => _tag = tag.Clone();

    /// <summary>
    /// Allocates media and sends the INVITE; synchronous so that the API can answer with the Call-ID.
    /// Throws (and leaves nothing behind) when no media port is free.
    /// </summary>
    public void Start()
    {
        _media = _services.Media.CreateSession(this);
        try
        {
            var offer = _media.CreateOffer();
            var invite = new OutboundCallRequest(_targetUri!, _request.From, _request.FromDisplayName, _request.FromHost, _request.Headers, offer) { ToUri = ToUri };
            _sipCall = _services.Sip.PlaceCall(invite, this);
            _sipCall.OfferAnswerer = this;
        }
        catch
        {
            _ = _media.DisposeAsync().AsTask();
            _media = null;
            throw;
        }

        _record = _record with { SipCallId = _sipCall.CallId };
        _ringTimer = new LoopScheduler(_inbox.Writer, _services.Time);
        _ringTimer.Arm(_request.RingTimeout, new RingTimeoutElapsed());
    }

    /// <summary>
    /// Takes a received INVITE: allocates media, prepares our answer to its offer and rings. The call is answered
    /// only when its first verb needs the media (<see cref="EnsureAnswered"/>), so an application can still
    /// decline it, or leave it ringing while a <c>dial</c> reaches someone.
    /// </summary>
    /// <exception cref="MediaPortsExhaustedException">No media port is free; nothing is left behind.</exception>
    /// <exception cref="UnusableOfferException">The offer has nothing we can use; nothing is left behind.</exception>
    public void StartInbound(InboundCall sip)
    {
        _media = _services.Media.CreateSession(this);
        if (sip.SdpOffer is { } offer)
        {
            var result = _media.ApplyOffer(offer, out _inboundAnswerSdp);
            if (!result.IsSuccess)
            {
                _ = _media.DisposeAsync().AsTask();
                _media = null;
                throw new UnusableOfferException(result.Reason ?? "no usable media in the offer");
            }

            _answerApplied = true;
        }
        else
        {
            // RFC 3264 §4: an INVITE without an offer gets ours in the 2xx, and the answer comes in the ACK.
            _inboundAnswerSdp = _media.CreateOffer();
        }

        _sipCall = _inbound = sip;
        sip.OfferAnswerer = this;
        sip.Attach(this);
        sip.Ring();
    }

    /// <inheritdoc/>
    public bool EnsureAnswered()
    {
        if (_inbound is null || _inboundAnswered)
        {
            // An outbound call runs verbs only once the callee has answered.
            return true;
        }

        if (!_inbound.Answer(_inboundAnswerSdp!))
        {
            // The caller gave up first; its CANCEL (already in the channel) ends the call.
            return false;
        }

        _inboundAnswered = true;
        _inbox.Writer.TryWrite(new InboundAnswerSent());
        return true;
    }

    /// <inheritdoc/>
    public void Decline(int sipStatus, string reason) => _inbox.Writer.TryWrite(new DeclineRequested(sipStatus, reason));

    /// <inheritdoc/>
    public Task<IDialLeg> PlaceDialLegAsync(DialVerb dial, CallTarget target, IDialLegObserver observer, CancellationToken cancellationToken)
    {
        // The leg shows the caller's number by default: for an inbound call the one who called, for an outbound
        // one the number this call came from; the dial's callerId replaces it.
        var leg = new CallRequest(
            _request.AccountSid,
            dial.CallerId ?? _request.From,
            dial.CallerName,
            null,
            target,
            dial.Timeout,
            dial.Headers,
            NoVerbs.Instance,
            _request.CreateLegSink?.Invoke() ?? SilentSink.Instance)
        {
            ApplicationSid = _request.ApplicationSid,
            ParentCallSid = Sid,
            TimeLimit = dial.TimeLimit,
            Speech = _request.Speech,
        };
        return _services.Legs.PlaceLegAsync(leg, observer, cancellationToken);
    }

    /// <summary>
    /// A re-INVITE or UPDATE from the peer (hold, resume, a new address): our media takes the new offer and
    /// answers it. Runs on a SIP thread, as <see cref="ISipOfferAnswerer"/> requires; the session applies the
    /// change atomically for its own threads.
    /// </summary>
    public string? AnswerOffer(string sdpOffer)
    {
        var media = _media;
        if (media is null || media.IsClosed)
        {
            return null;
        }

        try
        {
            return media.ApplyOffer(sdpOffer, out var answer).IsSuccess ? answer : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>The call's loop: runs until the call has its final status.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_inbound is null)
            {
                await ChangeStatusAsync(CallStatus.Queued, null, null, cancellationToken).ConfigureAwait(false);
                await ChangeStatusAsync(CallStatus.Trying, null, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The user agent has answered 100 Trying and StartInbound 180 Ringing; the application decides the rest.
                await ChangeStatusAsync(CallStatus.Trying, 100, null, cancellationToken).ConfigureAwait(false);
                await ChangeStatusAsync(CallStatus.Ringing, 180, null, cancellationToken).ConfigureAwait(false);
                StartVerbs();
            }

            await foreach (var message in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                if (_status.Current.IsFinal())
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (!_status.Current.IsFinal())
        {
            var shuttingDown = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            if (!shuttingDown)
            {
                Log.CallCrashed(_services.Logger, exception, Sid);
            }

            HangUpSip();
            await FinishAsync(CallStatus.Failed, null, shuttingDown ? "server shutting down" : "internal error", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(CallMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case SipEventArrived { Event: var sipEvent }:
                await OnSipEventAsync(sipEvent, cancellationToken).ConfigureAwait(false);
                break;
            case DigitArrived { Digit: var digit }:
                _verbs?.OnDigit(digit.Key);
                break;
            case VerbStepMessage step:
                _verbs?.OnStep(step);
                break;
            // A ring timeout and a live-control "no-answer" both cancel the INVITE; its 487 then ends the call no-answer.
            case RingTimeoutElapsed or NoAnswerRequested when !_status.Current.IsFinal() && _status.Current != CallStatus.InProgress:
                _ringTimedOut = true;
                HangUpSip();
                break;
            case HangupRequested hangup:
                await OnHangupRequestedAsync(hangup, cancellationToken).ConfigureAwait(false);
                break;
            case RedirectRequested redirect:
                _verbs?.Redirect(redirect.ActionHook);
                break;
            case TagUpdateRequested update:
                _tag = update.Tag;
                break;
            case AmdMessage amd:
                _amd?.Handle(amd, Snapshot(), _verbs);
                break;
            case TimeLimitReached:
                await OnHangupRequestedAsync(new HangupRequested("time limit reached", Failed: false), cancellationToken).ConfigureAwait(false);
                break;
            case MuteRequested mute when _media is not null:
                _media.MutePeer = mute.Muted;
                break;
            case DigitsRequested digits when _media is not null && _status.Current == CallStatus.InProgress:
                // The keys go out on the media clock; a call that ends first simply stops sending them.
                _ = _media.SendDigitsAsync(digits.Digits, DigitSendOptions.Default with { ToneDuration = digits.ToneDuration }, CancellationToken.None)
                    .ContinueWith(static sending => sending.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                break;
            case InboundAnswerSent:
                await EnterInProgressAsync(cancellationToken).ConfigureAwait(false);
                break;
            case DeclineRequested decline:
                await OnDeclineRequestedAsync(decline, cancellationToken).ConfigureAwait(false);
                break;
            // A peer gone without a BYE (crash, lost network): send ours and end completed; early media is the ring timer's.
            case MediaTimedOut when _status.Current == CallStatus.InProgress:
                await OnHangupRequestedAsync(new HangupRequested("media timeout", Failed: false), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnSipEventAsync(SipCallEvent sipEvent, CancellationToken cancellationToken)
    {
        switch (sipEvent)
        {
            case SipCallProgress progress:
                _heardProvisional = true;
                if (progress.Sdp is not null && TryApplyAnswer(progress.Sdp))
                {
                    await ChangeStatusAsync(CallStatus.EarlyMedia, progress.StatusCode, null, cancellationToken).ConfigureAwait(false);
                }
                else if (progress.StatusCode is 180 or 183)
                {
                    await ChangeStatusAsync(CallStatus.Ringing, progress.StatusCode, null, cancellationToken).ConfigureAwait(false);
                }

                break;
            case SipCallAnswered answered:
                await OnAnsweredAsync(answered, cancellationToken).ConfigureAwait(false);
                break;
            case SipCallRejected rejected:
                var (status, reason) = ClassifyRejection(rejected);
                await FinishAsync(status, rejected.StatusCode, reason, cancellationToken).ConfigureAwait(false);
                break;
            case SipCallHungUp:
                await FinishAsync(CallStatus.Completed, null, _inbound is null ? "callee hung up" : "caller hung up", cancellationToken).ConfigureAwait(false);
                break;
            case SipCallCanceled:
                await FinishAsync(CallStatus.Canceled, 487, "caller hung up before the answer", cancellationToken).ConfigureAwait(false);
                break;
            case SipCallConfirmed { Sdp: { } answer } when !_answerApplied && !TryApplyAnswer(answer):
                // The ACK's answer to the offer our 2xx carried is unusable: nothing can be heard, so end it.
                HangUpSip();
                await FinishAsync(CallStatus.Failed, 488, "no usable media in the caller's answer", cancellationToken).ConfigureAwait(false);
                break;
            case SipCallAckTimedOut:
                await FinishAsync(CallStatus.Failed, 408, "no ACK for our answer", cancellationToken).ConfigureAwait(false);
                break;
            case SipCallDtmf info:
                // RFC 6086 INFO keys join the same stream of digits as RFC 4733 and in-band ones.
                _verbs?.OnDigit(info.Digit);
                break;
            case SipCallDialogFailed failed:
                await FinishAsync(_status.Current == CallStatus.InProgress ? CallStatus.Completed : CallStatus.Failed, failed.StatusCode, "dialog lost: " + failed.ReasonPhrase, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnAnsweredAsync(SipCallAnswered answered, CancellationToken cancellationToken)
    {
        DisposeRingTimer();
        var usable = answered.Sdp is not null ? TryApplyAnswer(answered.Sdp) : _answerApplied;
        if (!usable)
        {
            // RFC 3264 §6: an answer we cannot use leaves no media; end the dialog rather than sit in silence.
            HangUpSip();
            await FinishAsync(CallStatus.Failed, 488, "no usable media in the answer", cancellationToken).ConfigureAwait(false);
            return;
        }

        await EnterInProgressAsync(cancellationToken).ConfigureAwait(false);
        if (_legObserver is not null)
        {
            // A dial leg is bridged by the call that dialled it instead of running verbs.
            _legObserver.OnLegAnswered(this);
            return;
        }

        StartVerbs();
    }

    private async Task EnterInProgressAsync(CancellationToken cancellationToken)
    {
        _record = _record with { AnsweredAt = _services.Time.GetUtcNow() };
        await ChangeStatusAsync(CallStatus.InProgress, 200, null, cancellationToken).ConfigureAwait(false);
        if (_request.TimeLimit is { } limit)
        {
            _limitTimer = new LoopScheduler(_inbox.Writer, _services.Time);
            _limitTimer.Arm(limit, new TimeLimitReached());
        }

        // Both listen from the answer on, whichever side answered; a dial leg's request asks for neither.
        _wholeRecording = WholeCallRecording.Start(_request.RecordAll, _services.Recordings, _media!, Snapshot(), _services.Logger);
        _amd = CallAmd.Start(_request.Amd, _media!, _inbox.Writer, _services.Time, Sid, _services.Logger);
    }

    private void StartVerbs()
    {
        _verbs = new VerbRunner(Sid, _inbox.Writer, _media!, _services.Prompts, _request.Script, _request.Speech, _services.Time, this, _services.Logger)
        {
            Recordings = _services.Recordings,
        };
        _verbs.Start();
    }

    /// <summary>Refuses an inbound call not yet answered; an answered one (or an outbound one) is hung up instead.</summary>
    private async Task OnDeclineRequestedAsync(DeclineRequested decline, CancellationToken cancellationToken)
    {
        if (_inbound is null || _inboundAnswered)
        {
            await OnHangupRequestedAsync(new HangupRequested($"declined with {decline.SipStatus} {decline.Reason}", Failed: false), cancellationToken).ConfigureAwait(false);
            return;
        }

        await RefuseInboundAsync(decline.SipStatus, decline.Reason, decline.Reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses the unanswered inbound INVITE (RFC 3261 §13.3.1.3) and ends the call with the status that response
    /// means, as if a callee had sent it; no SIP event follows our own refusal.
    /// </summary>
    private async Task RefuseInboundAsync(int sipStatus, string sipReason, string reason, CancellationToken cancellationToken)
    {
        if (_inbound!.Reject(sipStatus, sipReason))
        {
            var status = ClassifyRejection(new SipCallRejected(sipStatus, sipReason)).Status;
            await FinishAsync(status, sipStatus, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnHangupRequestedAsync(HangupRequested hangup, CancellationToken cancellationToken)
    {
        if (_status.Current.IsFinal())
        {
            return;
        }

        if (_inbound is not null && !_inboundAnswered)
        {
            // Nothing was answered: a broken script refuses with 500 (failed), any other hang-up with 480 (no-answer).
            var sipStatus = hangup.Failed ? 500 : 480;
            await RefuseInboundAsync(sipStatus, SipReasonPhrases.For(sipStatus), hangup.Reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        HangUpSip();
        if (_status.Current == CallStatus.InProgress)
        {
            await FinishAsync(hangup.Failed ? CallStatus.Failed : CallStatus.Completed, null, hangup.Reason, cancellationToken).ConfigureAwait(false);
        }

        // Before the answer the CANCEL's 487 (or a racing final response) brings the final status.
    }

    private (CallStatus Status, string Reason) ClassifyRejection(SipCallRejected rejected) => rejected.StatusCode switch
    {
        486 or 600 => (CallStatus.Busy, rejected.ReasonPhrase),
        487 when _ringTimedOut => (CallStatus.NoAnswer, "ring timeout"),
        487 => (CallStatus.Canceled, "canceled"),
        // A silence with no provisional at all is an unreachable carrier, not a callee who let it ring.
        408 when !_heardProvisional => (CallStatus.Failed, "no response from the carrier"),
        408 or 480 => (CallStatus.NoAnswer, rejected.ReasonPhrase),
        _ => (CallStatus.Failed, rejected.ReasonPhrase),
    };

    private bool TryApplyAnswer(string sdp)
    {
        var result = _media!.ApplyAnswer(sdp);
        if (!result.IsSuccess)
        {
            Log.AnswerUnusable(_services.Logger, Sid, result.Reason ?? "unknown");
            return _answerApplied;
        }

        _answerApplied = true;
        return true;
    }

    private void HangUpSip()
    {
        if (_sipCall is null)
        {
            return;
        }

        var hangup = _sipCall.HangupAsync(CancellationToken.None);
        _ = hangup.ContinueWith(
            static (task, state) =>
            {
                var (call, services) = ((Call, CallServices))state!;
                Log.HangupFailed(services.Logger, task.Exception!, call.Sid);
            },
            (this, _services),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    private async Task FinishAsync(CallStatus status, int? sipStatus, string? reason, CancellationToken cancellationToken)
    {
        _record = _record with { EndedAt = _services.Time.GetUtcNow() };
        await ChangeStatusAsync(status, sipStatus, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task ChangeStatusAsync(CallStatus next, int? sipStatus, string? reason, CancellationToken cancellationToken)
    {
        if (next != CallStatus.Queued && !_status.TryTransitionTo(next))
        {
            return;
        }

        var now = _services.Time.GetUtcNow();
        _record = _record with { Status = next.ToWire(), SipStatus = sipStatus ?? _record.SipStatus };
        if (next != CallStatus.Queued)
        {
            await _services.Store.UpdateAsync(_record, cancellationToken).ConfigureAwait(false);
        }

        var detail = sipStatus is null && reason is null ? null : $"{sipStatus} {reason}".Trim();
        await _services.Store.AppendEventAsync(new CallEventRecord(Sid, ++_eventSequence, now, "status:" + next.ToWire(), detail), cancellationToken).ConfigureAwait(false);
        Log.StatusChanged(_services.Logger, Sid, next.ToWire(), sipStatus, reason);
        _request.Sink.OnCallEvent(new CallStatusChanged(Snapshot(), now, sipStatus, reason));
        if (next.IsFinal())
        {
            _legObserver?.OnLegEnded(this, next, sipStatus);
        }
    }

    private void DisposeRingTimer()
    {
        _ringTimer?.Dispose();
        _ringTimer = null;
    }

    private async Task ReleaseAsync()
    {
        DisposeRingTimer();
        _limitTimer?.Dispose();
        _verbs?.Dispose();
        _amd?.Dispose();
        _wholeRecording?.Stop();
        _inbox.Writer.TryComplete();
        if (_media is not null)
        {
            await _media.DisposeAsync().ConfigureAwait(false);
        }
    }
}
