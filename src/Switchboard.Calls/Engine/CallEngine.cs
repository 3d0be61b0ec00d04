using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Limits;
using Switchboard.Calls.Metrics;
using Switchboard.Foundation.Work;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Feed;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Speech;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Resilience;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Places calls and keeps the live ones. Dialects give it a <see cref="CallRequest"/>; it routes the target,
/// stores the call, sends the INVITE and runs the call's loop until its final status. Inbound calls, once
/// <see cref="AcceptInboundCalls"/> names their router, run the same way.
/// </summary>
public sealed class CallEngine : IAsyncDisposable, IInboundCallHandler, IDialLegPlacer
{
    /// <summary>What a call refused because it could not be stored is told to wait before trying again.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (Call Call, Task Loop)> _live = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TrackedTasks _accepting = new();
    private readonly CallEngineOptions _options;
    private readonly CallServices _services;
    private IInboundCallRouter? _inboundRouter;
    private int _disposed;
    private readonly Lock _shutdownGate = new();

    // Completed by HangUpAllNow: the shutdown's grace ends there and then.
    private readonly TaskCompletionSource _graceCut = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _shutdownTask;

    public CallEngine(
        CallEngineOptions options,
        SipUserAgent sip,
        MediaEngine media,
        SpeechSynthesizerRegistry speech,
        AudioFetcher audio,
        ICallStore store,
        TimeProvider timeProvider,
        ILogger<CallEngine> logger,
        RecordingLibrary? recordings = null,
        CallLimits? limits = null,
        ISpeechRecognizers? recognizers = null,
        MediaStreamConnector? streams = null)
    {
        _options = options;
        _services = new CallServices(sip, media, speech, audio, store, timeProvider, logger, this)
        {
            Recordings = recordings,
            Recognizers = recognizers,
            Streams = streams,
            StatusFeed = StatusFeed,
        };
        Admission = new CallAdmission(limits ?? CallLimits.Default, timeProvider);
    }

    /// <summary>Every call's status changes as they happen, for live watchers (the console).</summary>
    public CallStatusFeed StatusFeed { get; } = new();

    /// <summary>How many calls are live right now.</summary>
    public int LiveCallCount => _live.Count;

    /// <summary>
    /// The call limits. Every call, outbound, dial leg or inbound, is admitted before it is stored (outbound ones
    /// refused with <see cref="CallRefusedException"/>, inbound ones with a 503) and released when its loop ends.
    /// </summary>
    public CallAdmission Admission { get; }

    /// <summary>
    /// Stores the call as queued and sends its INVITE. Returns once the INVITE is on its way, with the SIP Call-ID.
    /// </summary>
    /// <exception cref="NoRouteException">No carrier reaches the target, or its SIP client is not registered; nothing was stored.</exception>
    /// <exception cref="CallNotPlacedException">No media port was free or the target URI is unusable; the call is stored as failed.</exception>
    /// <exception cref="CallRefusedException">A limit refused the call (rate, concurrency, shutdown); nothing was stored.</exception>
    public async Task<PlacedCall> PlaceCallAsync(CallRequest request, CancellationToken cancellationToken)
    {
        var call = await PlaceAsync(request, null, cancellationToken).ConfigureAwait(false);
        return new PlacedCall(call.Sid, call.SipCallId!, call.Snapshot().CreatedAt);
    }

    async Task<IDialLeg> IDialLegPlacer.PlaceLegAsync(CallRequest request, IDialLegObserver observer, CancellationToken cancellationToken) =>
        await PlaceAsync(request, observer, cancellationToken).ConfigureAwait(false);

    private async Task<Call> PlaceAsync(CallRequest request, IDialLegObserver? legObserver, CancellationToken cancellationToken)
    {
        var targetUri = Route(request.Target);
        var admission = Admission.TryAdmit(request.AccountSid);
        if (!admission.IsAdmitted)
        {
            throw new CallRefusedException(admission);
        }

        try
        {
            return await PlaceAdmittedAsync(request with { TimeLimit = CappedTimeLimit(request.TimeLimit) }, targetUri, legObserver, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Admission.Release(request.AccountSid);
            throw;
        }
    }

    private async Task<Call> PlaceAdmittedAsync(CallRequest request, string targetUri, IDialLegObserver? legObserver, CancellationToken cancellationToken)
    {
        var record = new CallRecord(
            request.Sid ?? Guid.NewGuid().ToString(), request.AccountSid, "outbound", request.From, request.Target.Address,
            null, CallStatus.Queued.ToWire(), null, _services.Time.GetUtcNow(), null, null)
        {
            ApplicationSid = request.ApplicationSid,
            ParentCallSid = request.ParentCallSid,
            CallerName = request.FromDisplayName,
            Tag = request.Tag?.GetRawText(),
        };
        await _services.Store.InsertAsync(record, cancellationToken).ConfigureAwait(false);

        var call = new Call(record, request, _services, legObserver);
        // RFC 3261 §8.1.1.2: a registered user's INVITE goes to its contact but names its address-of-record in the To.
        var toUri = request.Target.Kind == CallTargetKind.User ? _services.Sip.Registrar?.Locations.FindAddressOfRecord(request.Target.Address) : null;
        try
        {
            call.Start(targetUri, toUri);
        }
        catch (Exception exception) when (exception is MediaPortsExhaustedException or ArgumentException)
        {
            // Nothing was sent: the stored call must not stay queued forever.
            await call.AbandonAsync().ConfigureAwait(false);
            await StoreAsNeverStartedAsync(record, sipStatus: null).ConfigureAwait(false);
            throw new CallNotPlacedException(exception.Message, exception);
        }

        Track(call, request.AccountSid);
        return call;
    }

    /// <summary>
    /// From now on INVITEs the user agent receives become calls: <paramref name="router"/> picks what runs each
    /// one (or refuses it), and the engine answers and runs it like an outbound call.
    /// </summary>
    public void AcceptInboundCalls(IInboundCallRouter router)
    {
        _inboundRouter = router;
        _services.Sip.InboundCalls = this;
    }

    /// <summary>Called on a SIP receive thread: the routing (a database lookup) and the rest run off it.</summary>
    void IInboundCallHandler.OnIncomingCall(InboundCall call) => _accepting.Run(() => AcceptInboundAsync(call));

    /// <summary>Asks a live call to hang up; false when no such call is live.</summary>
    public bool Hangup(string callSid) => WithLive(callSid, call => call.RequestHangup("hangup requested", CallEndedBy.Api));

    /// <summary>Live control: the call runs what <paramref name="actionHook"/> answers; false when not live.</summary>
    public bool Redirect(string callSid, string actionHook) => WithLive(callSid, call => call.Post(new RedirectRequested(actionHook)));

    /// <summary>Live control: replaces the call's application data; false when not live.</summary>
    public bool UpdateTag(string callSid, JsonElement tag) => WithLive(callSid, call => call.Post(new TagUpdateRequested(tag.Clone())));

    /// <summary>Live control: a ringing call stops and ends as no-answer; false when not live.</summary>
    public bool EndAsNoAnswer(string callSid) => WithLive(callSid, call => call.Post(new NoAnswerRequested()));

    /// <summary>Live control: mutes or unmutes the caller (not heard by a bridged party, not recorded); false when not live.</summary>
    public bool SetMute(string callSid, bool muted) => WithLive(callSid, call => call.Post(new MuteRequested(muted)));

    /// <summary>Live control: pauses or resumes the call's background transcription (a no-op without one); false when not live.</summary>
    public bool PauseTranscription(string callSid, bool paused) => WithLive(callSid, call => call.Post(new TranscriptionPauseRequested(paused)));

    /// <summary>Live control: the call's media streams (<c>listen</c>, <c>config.listen</c>) stop or resume sending the caller's audio; false when the call is not live here.</summary>
    public bool PauseListening(string callSid, bool paused) => WithLive(callSid, call => call.Post(new ListenPauseRequested(paused)));

    /// <summary>Live control: starts, stops, pauses or resumes the call's own recording; false when not live.</summary>
    public bool ControlRecording(string callSid, CallRecordingAction action) => WithLive(callSid, call => call.Post(new RecordingControlRequested(action)));

    /// <summary>Live control: sends <paramref name="digits"/> to the call's far end; false when not live.</summary>
    public bool SendDigits(string callSid, string digits, TimeSpan toneDuration) =>
        WithLive(callSid, call => call.Post(new DigitsRequested(digits, toneDuration)));

    /// <summary>
    /// Live control (jambonz <c>whisper</c>): <paramref name="prompts"/> play to one party of a connected dial while
    /// the two are unbridged, then the bridge comes back. <paramref name="callSid"/> names the party: the dialling
    /// call for its caller, the dial's leg for the callee. The dialling call's loop judges it.
    /// </summary>
    public Task<DialControlOutcome> WhisperAsync(string callSid, IReadOnlyList<Verb> prompts, CancellationToken cancellationToken)
    {
        if (!_live.TryGetValue(callSid, out var entry))
        {
            return Task.FromResult(DialControlOutcome.NotLive);
        }

        // A leg is bridged by the call that dialled it: only that call's dial can whisper to it.
        var dialling = entry.Call.ParentSid is { } parentSid && _live.TryGetValue(parentSid, out var parent) ? parent.Call : entry.Call;
        return AskDialAsync(dialling, answer => new WhisperRequested(prompts, callSid, answer), cancellationToken);
    }

    /// <summary>
    /// Live control (jambonz <c>child_call_hook</c>): the leg connected by <paramref name="callSid"/>'s dial leaves
    /// it and runs the application at <paramref name="hook"/>; the dial ends as if the callee had left.
    /// </summary>
    public Task<DialControlOutcome> RedirectChildAsync(string callSid, string hook, CancellationToken cancellationToken) =>
        _live.TryGetValue(callSid, out var entry)
            ? AskDialAsync(entry.Call, answer => new ChildRedirectRequested(hook, answer), cancellationToken)
            : Task.FromResult(DialControlOutcome.NotLive);

    private async Task<DialControlOutcome> AskDialAsync(Call dialling, Func<TaskCompletionSource<bool>, CallMessage> ask, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        dialling.Post(ask(answer));
        try
        {
            // A call that ends before its loop takes the command never answers it.
            return await answer.Task.WaitAsync(DialControlPatience, _services.Time, cancellationToken).ConfigureAwait(false)
                ? DialControlOutcome.Done
                : DialControlOutcome.NotConnected;
        }
        catch (TimeoutException)
        {
            return DialControlOutcome.NotLive;
        }
    }

    /// <summary>How long a loop may take to judge a dial command: it answers at once unless the call is ending.</summary>
    private static readonly TimeSpan DialControlPatience = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Live control: sends <paramref name="request"/> inside the call's dialog and waits for the peer's answer (or
    /// the failure that left none; an unanswered call has no dialog). Null when no such call is live.
    /// </summary>
    public async Task<InDialogAnswer?> SendInDialogAsync(string callSid, InDialogRequest request, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<InDialogAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!WithLive(callSid, call => call.Post(new InDialogRequested(request, answer))))
        {
            return null;
        }

        try
        {
            // A call that ends before its loop takes the request never answers it; a transaction ends within 64*T1.
            return await answer.Task.WaitAsync(InDialogPatience, _services.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return InDialogAnswer.NoDialog;
        }
    }

    /// <summary>How long live control waits for a request in the dialog: longer than its transaction (64*T1, RFC 3261 §17.1.2.2).</summary>
    private static readonly TimeSpan InDialogPatience = TimeSpan.FromSeconds(40);

    /// <summary>
    /// Graceful shutdown: takes no new calls, lets live ones finish by themselves for the limits' shutdown grace, then
    /// hangs up the rest (answered calls end <c>completed</c>, ringing ones are canceled) and waits for their final
    /// status. Idempotent. Disposing without it hangs up at once.
    /// </summary>
    public Task ShutdownAsync() => StartShutdown(Admission.Limits.ShutdownGrace);

    /// <summary>
    /// Ends the shutdown grace early (an operator who will not wait): every live call is hung up now, by the
    /// server, and still gets its final status. Takes no new calls from then on.
    /// </summary>
    public void HangUpAllNow()
    {
        Admission.StopAdmitting();
        _graceCut.TrySetResult();
        foreach (var (call, _) in _live.Values)
        {
            call.RequestHangup("server shutting down now", CallEndedBy.Server);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StartShutdown(TimeSpan.Zero).ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _accepting.WhenAllAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private async Task AcceptInboundAsync(InboundCall sip)
    {
        try
        {
            if (Volatile.Read(ref _disposed) == 1 || _inboundRouter is not { } router)
            {
                sip.Reject(503, "Service Unavailable");
                return;
            }

            var offer = new InboundCallOffer(sip.DialledNumber, sip.FromUser, sip.FromDisplayName, sip.Source, sip.RequestUri.ToString(), sip.CallId, sip.Headers)
            {
                Sdp = sip.SdpOffer,
            };
            var route = await router.RouteAsync(offer, _shutdown.Token).ConfigureAwait(false);
            if (route.Request is not { } request)
            {
                Log.InboundRefused(_services.Logger, sip.CallId, offer.DialledNumber, sip.Source, route.RefusalStatus, route.RefusalReason!);
                sip.Reject(route.RefusalStatus, route.RefusalReason!);
                return;
            }

            // RFC 3261 §21.5.4: 503 with Retry-After tells a carrier to try again later (or another server).
            var admission = Admission.TryAdmit(request.AccountSid);
            if (!admission.IsAdmitted)
            {
                Log.InboundRefused(_services.Logger, sip.CallId, offer.DialledNumber, sip.Source, 503, admission.Describe());
                sip.Reject(503, "Service Unavailable", admission.RetryAfter);
                return;
            }

            try
            {
                await RunInboundAsync(sip, request with { TimeLimit = CappedTimeLimit(request.TimeLimit) }).ConfigureAwait(false);
            }
            catch
            {
                Admission.Release(request.AccountSid);
                throw;
            }
        }
        catch (Exception exception) when (StorageFailures.IsRetryable(exception))
        {
            // The call could not be stored, so it is not taken: RFC 3261 §21.5.4 lets the carrier try again later or elsewhere.
            Log.InboundRefused(_services.Logger, sip.CallId, sip.DialledNumber, sip.Source, 503, "storage unavailable: " + exception.Message);
            sip.Reject(503, "Service Unavailable", StorageRetryAfter);
        }
        catch (Exception exception)
        {
            // Nothing may escape the accepting work; the caller gets a clear refusal instead of silence.
            Log.InboundFailed(_services.Logger, exception, sip.CallId);
            sip.Reject(500, "Server Internal Error");
        }
    }

    private async Task RunInboundAsync(InboundCall sip, CallRequest request)
    {
        var record = new CallRecord(
            Guid.NewGuid().ToString(), request.AccountSid, "inbound", request.From, request.Target.Address,
            sip.CallId, CallStatus.Trying.ToWire(), null, _services.Time.GetUtcNow(), null, null)
        {
            ApplicationSid = request.ApplicationSid,
            CallerName = request.FromDisplayName,
        };
        await _services.Store.InsertAsync(record, _shutdown.Token).ConfigureAwait(false);

        var call = new Call(record, request, _services);
        try
        {
            call.StartInbound(sip);
        }
        catch (Exception exception) when (exception is MediaPortsExhaustedException or UnusableOfferException)
        {
            await call.AbandonAsync().ConfigureAwait(false);
            var (sipStatus, reason) = exception is UnusableOfferException ? (488, "Not Acceptable Here") : (503, "Service Unavailable");
            sip.Reject(sipStatus, reason);
            Log.InboundRefused(_services.Logger, sip.CallId, sip.DialledNumber, sip.Source, sipStatus, exception.Message);
            await StoreAsNeverStartedAsync(record, sipStatus).ConfigureAwait(false);
            Admission.Release(request.AccountSid);
            return;
        }

        Track(call, request.AccountSid);
    }

    /// <summary>A stored call that could not start (no media port, an unusable target or offer) must not stay live forever.</summary>
    private Task StoreAsNeverStartedAsync(CallRecord record, int? sipStatus) =>
        _services.Store.UpdateAsync(
            record with { Status = CallStatus.Failed.ToWire(), SipStatus = sipStatus, EndedAt = _services.Time.GetUtcNow(), EndReason = "could not start", HangupBy = CallHangupBy.System },
            CancellationToken.None);

    /// <summary>Keeps the call live until its loop ends, then releases its admission.</summary>
    private void Track(Call call, string accountSid)
    {
        // The loop waits for its registration, so a call that ends at once is still removed after it was added.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CallMetrics.CallStarted(call.Dialect, call.Direction);
        _live[call.Sid] = (call, RunAsync(call, accountSid, registered.Task));
        registered.SetResult();
    }

    private Task StartShutdown(TimeSpan grace)
    {
        lock (_shutdownGate)
        {
            return _shutdownTask ??= ShutdownCoreAsync(grace);
        }
    }

    private async Task ShutdownCoreAsync(TimeSpan grace)
    {
        Admission.StopAdmitting();
        await WaitForLiveCallsAsync(grace, _graceCut.Task).ConfigureAwait(false);
        foreach (var (call, _) in _live.Values)
        {
            call.RequestHangup("server shutting down", CallEndedBy.Server);
        }

        await WaitForLiveCallsAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    private async Task WaitForLiveCallsAsync(TimeSpan patience, Task? cutShort = null)
    {
        var loops = _live.Values.Select(entry => entry.Loop).ToArray();
        if (loops.Length > 0)
        {
            Task[] waits = cutShort is null
                ? [Task.WhenAll(loops), Task.Delay(patience, _services.Time)]
                : [Task.WhenAll(loops), Task.Delay(patience, _services.Time), cutShort];
            await Task.WhenAny(waits).ConfigureAwait(false);
        }
    }

    /// <summary>A call may ask for a shorter time limit than the server's maximum duration, never a longer one.</summary>
    private TimeSpan CappedTimeLimit(TimeSpan? requested) =>
        requested is { } limit && limit < Admission.Limits.MaxCallDuration ? limit : Admission.Limits.MaxCallDuration;

    private bool WithLive(string callSid, Action<Call> command)
    {
        if (!_live.TryGetValue(callSid, out var entry))
        {
            return false;
        }

        command(entry.Call);
        return true;
    }

    private async Task RunAsync(Call call, string accountSid, Task registered)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await call.RunAsync(_shutdown.Token).ConfigureAwait(false);
        }
        finally
        {
            _live.TryRemove(call.Sid, out _);
            CallMetrics.CallEnded(call.Dialect, call.Direction, call.Snapshot().Status.ToWire());
            Admission.Release(accountSid);
        }
    }

    private string Route(CallTarget target)
    {
        if (target.Kind == CallTargetKind.Sip)
        {
            return target.Address;
        }

        if (target.Kind == CallTargetKind.User)
        {
            // RFC 3261 §10: a user is reached at the contact its device registered with our registrar.
            return _services.Sip.Registrar?.Locations.FindContactUri(target.Address)
                ?? throw new NoRouteException($"SIP client '{target.Address}' is not registered");
        }

        if (target.Carrier is { } route)
        {
            return route.UriFor(target.Address);
        }

        if (_options.DefaultCarrierUri is not { } carrier)
        {
            throw new NoRouteException("no carrier is configured for phone numbers (set SWITCHBOARD_DEFAULT_CARRIER)");
        }

        // sip:host[:port][;params] becomes sip:number@host[:port][;params].
        var schemeEnd = carrier.IndexOf(':', StringComparison.Ordinal);
        var scheme = carrier[..(schemeEnd + 1)];
        var rest = carrier[(schemeEnd + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            rest = rest[(at + 1)..];
        }

        return scheme + target.Address + "@" + rest;
    }
}
