using System.Threading.Channels;
using Switchboard.Calls.Callbacks.Messages;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Media.Bridging;
using Switchboard.Storage.Callbacks;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// One callback session: two legs placed through the engine (each a full call with its own loop), called one
/// after the other or at once, bridged when both have answered, and hung up together. Everything that happens
/// (answers, ends, prompts, timers, API commands) is a message on the session's one channel, handled in order
/// by <see cref="RunAsync"/>, so the session's state needs no lock.
/// </summary>
internal sealed class CallbackSession
{
    /// <summary>The longest a waiting leg is kept to hear why the other could not be connected.</summary>
    private static readonly TimeSpan FarewellPatience = TimeSpan.FromSeconds(20);

    private readonly Channel<CallMessage> _inbox = Channel.CreateUnbounded<CallMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CallbackSessionRequest _request;
    private readonly CallbackServices _services;
    private readonly CallbackLegSlot _legA;
    private readonly CallbackLegSlot _legB;
    private readonly CallbackSessionStateMachine _state;
    private readonly CallWork _work;
    private readonly LoopTimer _limitTimer;
    private readonly LoopTimer _farewellTimer;
    private readonly CallbackPrompts _prompts;
    private CallbackSessionRecord _record;
    private MediaBridge? _bridge;
    private CallbackRecording? _recording;
    private bool _completed;
    private CallbackLeg? _failedLeg;
    private string? _reason;

    public CallbackSession(string sid, string legASid, string legBSid, CallbackSessionRequest request, CallbackServices services)
    {
        _request = request;
        _services = services;
        _legA = new CallbackLegSlot(CallbackLeg.A, legASid, request.LegA);
        _legB = new CallbackLegSlot(CallbackLeg.B, legBSid, request.LegB);
        _state = new CallbackSessionStateMachine(request.Mode == CallbackMode.Sequential ? CallbackSessionState.CallingFirst : CallbackSessionState.CallingBoth, services.Logger);
        _work = new CallWork(_inbox.Writer);
        _limitTimer = new LoopTimer(_inbox.Writer, services.Time);
        _farewellTimer = new LoopTimer(_inbox.Writer, services.Time);
        _prompts = new CallbackPrompts(sid, request, services, _work, _inbox.Writer);
        _record = new CallbackSessionRecord(
            sid,
            request.AccountSid,
            request.Mode == CallbackMode.Sequential ? "sequential" : "simultaneous",
            request.First.ToWire(),
            legASid,
            request.LegA.Target.Address,
            request.LegA.From,
            legBSid,
            request.LegB.Target.Address,
            request.LegB.From,
            _state.Current.ToString(),
            services.Time.GetUtcNow());
    }

    public string Sid => _record.Sid;

    /// <summary>The session as stored when it starts.</summary>
    public CallbackSessionRecord Record => _record;

    public void Post(CallMessage message) => _inbox.Writer.TryWrite(message);

    /// <summary>
    /// Places what rings from the start: the first leg, or both. Runs before <see cref="RunAsync"/>; the legs'
    /// news waits in the channel meanwhile. When a placement throws, any leg already placed is hung up.
    /// </summary>
    /// <exception cref="NoRouteException">No carrier reaches a leg.</exception>
    /// <exception cref="CallNotPlacedException">No media port was free or a target is unusable.</exception>
    public async Task PlaceInitialLegsAsync(CancellationToken cancellationToken)
    {
        if (_request.Mode == CallbackMode.Sequential)
        {
            await PlaceAsync(Slot(_request.First), cancellationToken).ConfigureAwait(false);
            return;
        }

        await PlaceAsync(_legA, cancellationToken).ConfigureAwait(false);
        try
        {
            await PlaceAsync(_legB, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _legA.HangUp("the other leg could not be placed");
            throw;
        }
    }

    /// <summary>The session's loop: runs until both legs have ended and the session has its final state.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(message).ConfigureAwait(false);
                if (_state.Current == CallbackSessionState.Ending && _legA.Settled && _legB.Settled)
                {
                    await FinishAsync().ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception exception) when (!_state.IsFinal)
        {
            if (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.Crashed(_services.Logger, exception, Sid);
            }

            _legA.HangUp("the session failed");
            _legB.HangUp("the session failed");
            _completed = false;
            _reason ??= cancellationToken.IsCancellationRequested ? "server shutting down" : "internal error";
            if (_state.Current != CallbackSessionState.Ending)
            {
                _state.TryTransitionTo(CallbackSessionState.Ending);
            }

            await FinishAsync().ConfigureAwait(false);
        }
        finally
        {
            _work.EndAll();
            _limitTimer.Dispose();
            _farewellTimer.Dispose();
            _recording?.Stop();
            _bridge?.Disconnect();
            if (!await _work.DrainAsync(_inbox.Reader, static _ => { }, _services.Time).ConfigureAwait(false))
            {
                Log.WorkAbandoned(_services.Logger, Sid, _work.Running);
            }

            _inbox.Writer.TryComplete();
        }
    }

    private async Task HandleAsync(CallMessage message)
    {
        switch (message)
        {
            case WorkEnded ended:
                if (_work.OnEnded(ended) is { } outcome)
                {
                    await HandleAsync(outcome).ConfigureAwait(false);
                }

                break;
            case CallbackLegAnswered answered:
                await OnAnsweredAsync(Slot(answered.Leg), answered.Call).ConfigureAwait(false);
                break;
            case CallbackLegPlaced placed:
                OnPlaced(Slot(placed.Leg), placed.Call);
                break;
            case CallbackLegNotPlaced notPlaced:
                Slot(notPlaced.Leg).Placing = false;
                Log.LegNotPlaced(_services.Logger, Sid, notPlaced.Leg.ToWire(), notPlaced.Reason);
                await OnLegEndedAsync(Slot(notPlaced.Leg), CallStatus.Failed, "not placed: " + notPlaced.Reason).ConfigureAwait(false);
                break;
            case CallbackLegEnded ended:
                await OnLegEndedAsync(Slot(ended.Leg), ended.Status, ended.Status == CallStatus.Completed ? "hangup" : ended.Status.ToWire()).ConfigureAwait(false);
                break;
            case WaitingAudioReady ready when Slot(ready.Leg).Waiting:
                _prompts.PlayWaiting(Slot(ready.Leg), ready);
                break;
            case WaitingAudioEnded ended when Slot(ended.Leg).Waiting:
                _prompts.PlayHold(Slot(ended.Leg));
                break;
            case FarewellReady farewell:
                _prompts.PlayFarewell(Slot(farewell.Leg), farewell.Clip);
                break;
            case FarewellPlayed played:
                Slot(played.Leg).HangUp("the other party could not be connected");
                break;
            case SessionHangupRequested hangup:
                await EndAsync(_state.Current == CallbackSessionState.Bridged, null, hangup.Reason, farewell: null).ConfigureAwait(false);
                break;
            case SessionTimeLimitReached when _state.Current == CallbackSessionState.Bridged:
                await EndAsync(completed: true, null, "time limit reached", farewell: null).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnAnsweredAsync(CallbackLegSlot slot, IDialLeg call)
    {
        slot.Call ??= call;
        slot.Status = CallStatus.InProgress;
        var other = Other(slot);
        switch (_state.Current)
        {
            case CallbackSessionState.CallingFirst when slot.Leg == _request.First:
                // Sequential: the second party is called only now that the first is on the line.
                await MoveToAsync(CallbackSessionState.CallingSecond).ConfigureAwait(false);
                Wait(slot);
                PlaceLater(other);
                break;
            case CallbackSessionState.CallingSecond when slot.Leg != _request.First:
            case CallbackSessionState.CallingBoth when other.Answered:
                await BridgeAsync().ConfigureAwait(false);
                break;
            case CallbackSessionState.CallingBoth:
                Wait(slot);
                break;
            default:
                slot.HangUp("the session is ending");
                break;
        }
    }

    private void OnPlaced(CallbackLegSlot slot, IDialLeg call)
    {
        slot.Placing = false;
        slot.Call ??= call;
        if (slot.Status == CallStatus.Queued)
        {
            slot.Status = CallStatus.Trying;
        }

        if (_state.Current is CallbackSessionState.Ending)
        {
            slot.HangUp("the session is ending");
        }
    }

    private async Task OnLegEndedAsync(CallbackLegSlot slot, CallStatus status, string reason)
    {
        var answered = slot.Answered;
        slot.Status = status;
        slot.Waiting = false;
        switch (_state.Current)
        {
            case CallbackSessionState.Bridged:
                await EndAsync(completed: true, null, slot.Leg.ToWire() + " hung up", farewell: null).ConfigureAwait(false);
                break;
            case CallbackSessionState.CallingFirst or CallbackSessionState.CallingSecond or CallbackSessionState.CallingBoth:
                // Before the bridge the session has failed; a party already waiting hears why before it is hung up.
                var other = Other(slot);
                var farewell = !answered && other.Answered && other.IsUp ? other : null;
                await EndAsync(completed: false, slot.Leg, reason, farewell).ConfigureAwait(false);
                if (farewell is not null)
                {
                    CallbackPrompts.Silence(farewell);
                    _farewellTimer.Arm(FarewellPatience, new FarewellPlayed(farewell.Leg));
                    _prompts.PrepareFarewell(farewell.Leg, status);
                }

                break;
        }
    }

    private async Task BridgeAsync()
    {
        _legA.Waiting = false;
        _legB.Waiting = false;
        try
        {
            // leg_A first: a recording's left channel is leg_A, its right leg_B.
            _bridge = MediaBridge.Connect(_legA.Call!.Media!, _legB.Call!.Media!);
        }
        catch (Exception exception) when (exception is ArgumentException or ObjectDisposedException or InvalidOperationException)
        {
            Log.BridgeFailed(_services.Logger, Sid, exception.Message);
            await EndAsync(completed: false, null, "the legs' media could not be bridged", farewell: null).ConfigureAwait(false);
            return;
        }

        if (_request.Record)
        {
            _recording = CallbackRecording.Start(_services.Recordings, _bridge, _request.AccountSid, _legA.CallSid, _work, _services.Logger);
        }

        _record = _record with { BridgedAt = _services.Time.GetUtcNow(), RecordingSid = _recording?.Sid };
        await MoveToAsync(CallbackSessionState.Bridged).ConfigureAwait(false);
        if (_request.TimeLimit is { } limit)
        {
            _limitTimer.Arm(limit, new SessionTimeLimitReached());
        }

        Emit(CallbackEventNames.Bridged, null);
    }

    /// <summary>Decides the outcome and hangs up every leg still up but <paramref name="farewell"/>.</summary>
    private async Task EndAsync(bool completed, CallbackLeg? failedLeg, string reason, CallbackLegSlot? farewell)
    {
        if (_state.Current is CallbackSessionState.Ending || _state.IsFinal)
        {
            return;
        }

        var wasBridged = _state.Current == CallbackSessionState.Bridged;
        (_completed, _failedLeg, _reason) = (completed, failedLeg, reason);
        _limitTimer.Disarm();
        await MoveToAsync(CallbackSessionState.Ending).ConfigureAwait(false);
        if (wasBridged)
        {
            _recording?.Stop();
            _bridge?.Disconnect();
            _bridge = null;
            Emit(CallbackEventNames.Unbridged, reason);
        }

        foreach (var slot in new[] { _legA, _legB })
        {
            if (!ReferenceEquals(slot, farewell))
            {
                slot.Waiting = false;
                slot.HangUp("the session is ending: " + reason);
            }
        }
    }

    private async Task FinishAsync()
    {
        var final = _completed ? CallbackSessionState.Completed : CallbackSessionState.Failed;
        _record = _record with { FailedLeg = _failedLeg?.ToWire(), Reason = _reason, EndedAt = _services.Time.GetUtcNow() };
        await MoveToAsync(final).ConfigureAwait(false);
        Log.Ended(_services.Logger, Sid, final, _reason);
        Emit(_completed ? CallbackEventNames.Completed : CallbackEventNames.Failed, _reason);
    }

    private async Task MoveToAsync(CallbackSessionState next)
    {
        if (!_state.TryTransitionTo(next))
        {
            return;
        }

        _record = _record with { Status = next.ToString() };
        Log.StateChanged(_services.Logger, Sid, next);
        await _services.Store.UpdateAsync(_record, CancellationToken.None).ConfigureAwait(false);
    }

    private void Wait(CallbackLegSlot slot)
    {
        slot.Waiting = true;
        _prompts.PrepareWaiting(slot.Leg);
    }

    private void Emit(string name, string? reason) =>
        _request.Sink.OnSessionEvent(new CallbackSessionEvent(
            Sid, name, _services.Time.GetUtcNow(), name == CallbackEventNames.Failed ? _failedLeg : null, reason, [_legA.State(), _legB.State()]));

    private async Task PlaceAsync(CallbackLegSlot slot, CancellationToken cancellationToken)
    {
        slot.Called = true;
        var call = await _services.Legs.PlaceLegAsync(LegRequest(slot), new CallbackLegObserver(slot.Leg, _inbox.Writer), cancellationToken).ConfigureAwait(false);
        slot.Call ??= call;
        slot.Status = CallStatus.Trying;
    }

    /// <summary>Places a leg from the loop; <see cref="CallbackLegPlaced"/> or <see cref="CallbackLegNotPlaced"/> follows.</summary>
    private void PlaceLater(CallbackLegSlot slot)
    {
        slot.Called = true;
        slot.Placing = true;
        var leg = slot.Leg;
        var request = LegRequest(slot);
        var observer = new CallbackLegObserver(leg, _inbox.Writer);
        _work.Run(
            async cancellationToken => new CallbackLegPlaced(leg, await _services.Legs.PlaceLegAsync(request, observer, cancellationToken).ConfigureAwait(false)),
            error => new CallbackLegNotPlaced(leg, error.Message));
    }

    /// <summary>
    /// The engine's request for a leg: a call of its own that runs no verbs (the session bridges it), linked in
    /// the Calls API to the leg that rings first.
    /// </summary>
    private CallRequest LegRequest(CallbackLegSlot slot)
    {
        var plan = slot.Plan;
        var parent = _request.Mode == CallbackMode.Sequential ? Slot(_request.First) : _legA;
        return new CallRequest(_request.AccountSid, plan.From, plan.CallerName, null, plan.Target, plan.RingTimeout, plan.Headers, NoVerbs.Instance, plan.Sink)
        {
            Sid = slot.CallSid,
            Dialect = CallDialect.Callback,
            ParentCallSid = ReferenceEquals(parent, slot) ? null : parent.CallSid,
            Tag = plan.Tag,
            Speech = _request.Speech,
        };
    }

    private CallbackLegSlot Slot(CallbackLeg leg) => leg == CallbackLeg.A ? _legA : _legB;

    private CallbackLegSlot Other(CallbackLegSlot slot) => ReferenceEquals(slot, _legA) ? _legB : _legA;
}
