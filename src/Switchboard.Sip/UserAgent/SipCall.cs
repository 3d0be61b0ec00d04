using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// What outbound and inbound calls share once a dialog exists (RFC 3261 §12–§15): the dialog, event delivery to
/// the observer, in-dialog requests both ways, 2xx retransmission until the ACK, and the call's end. Subclasses own
/// the INVITE that creates the dialog and the transition table of their side.
/// </summary>
/// <remarks>
/// Locking: <see cref="Gate"/> guards state; the observer is never called and no client transaction is started while
/// it is held, because either can call straight back into the call.
/// </remarks>
public abstract class SipCall
{
    private readonly SipCallEventDelivery _events = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly InDialogRequestHandler _inDialog;
    private readonly StateMachine<SipCallState> _state;
    private ReinviteClient? _reinvite;
    private ReferSubscription? _refer;
    private AwaitedAck? _awaitedAck;

    private protected SipCall(SipUserAgent agent, string callId, string localTag, SipLocalAddress local, ISipTransport transport, TransitionTable<SipCallState> transitions, SipCallState initial)
    {
        Agent = agent;
        CallId = callId;
        LocalTag = localTag;
        Local = local;
        Transport = transport;
        _state = new StateMachine<SipCallState>(transitions, initial, agent.Logger);
        _inDialog = new InDialogRequestHandler(this);
    }

    /// <summary>The SIP Call-ID.</summary>
    public string CallId { get; }

    public SipCallState State => _state.Current;

    /// <summary>The dialog: for an outbound call once a 2xx arrived, for an inbound one once we sent a tagged response.</summary>
    public SipDialog? Dialog { get; private protected set; }

    /// <summary>Completes when the call has ended, however it ended.</summary>
    public Task Completion => _ended.Task;

    /// <summary>
    /// Answers offers in re-INVITE and UPDATE requests. When null, the observer answers them if it implements
    /// <see cref="ISipOfferAnswerer"/>; with neither, offers are refused with 488.
    /// </summary>
    public ISipOfferAnswerer? OfferAnswerer { get; set; }

    /// <summary>
    /// Whether INFO bodies other than keys and MESSAGE requests are accepted (200, MESSAGE 202) and reported as
    /// <see cref="SipCallRequestReceived"/>, for an application that asked to hear them; refused (415, 501) otherwise.
    /// </summary>
    public bool ForwardsInDialogRequests
    {
        get => Volatile.Read(ref _forwardsInDialogRequests);
        set => Volatile.Write(ref _forwardsInDialogRequests, value);
    }

    private bool _forwardsInDialogRequests;

    /// <summary>Our tag in this dialog; with <see cref="CallId"/> it routes in-dialog requests to the call.</summary>
    internal string LocalTag { get; }

    internal SipUserAgent Agent { get; }

    internal Lock Gate { get; } = new();

    /// <summary>Our host, port and transport, as written into Via and Contact.</summary>
    internal SipLocalAddress Local { get; }

    /// <summary>
    /// The transport the dialog was set up over; in-dialog requests use it unless their target URI names another.
    /// </summary>
    internal ISipTransport Transport { get; }

    /// <summary>True once the engine asked to end the call: nothing it caused itself is reported back.</summary>
    internal bool HangupRequested { get; private protected set; }

    /// <summary>The last session description we sent (offer or answer); re-offered to an offer-less re-INVITE.</summary>
    internal string? LocalSdp { get; set; }

    /// <summary>RFC 3261 §14.1: the owner of the Call-ID waits 2.1–4 s after a 491 before retrying, the other side 0–2 s.</summary>
    private protected abstract bool OwnsCallId { get; }

    /// <summary>The end point the call's INVITE came from or went to: its connection, over a stream transport.</summary>
    internal abstract IPEndPoint Peer { get; }

    internal InDialogRequestHandler InDialog => _inDialog;

    /// <summary>True while our own re-INVITE or UPDATE offer awaits its answer (RFC 3261 §14.1).</summary>
    internal bool LocalOfferPending { get; set; }

    /// <summary>True while we are answering the peer's offer.</summary>
    internal bool RemoteOfferPending { get; set; }

    internal bool AwaitingAck => _awaitedAck is not null;

    /// <summary>
    /// Ends the call the way its state requires (CANCEL, a final response, or BYE). Completes when the call has
    /// ended; idempotent. Cancelling the token stops the wait, not the hangup.
    /// </summary>
    public abstract Task HangupAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends a re-INVITE with <paramref name="sdpOffer"/> (RFC 3261 §14.1), e.g. to hold or resume. A 491, or a dialog
    /// busy with the peer's own offer, is retried once after the random delay of §14.1. The result carries the
    /// answer; a 481 or 408 also ends the call with <see cref="SipCallDialogFailed"/>. Cancelling the token stops
    /// the wait, not the transaction.
    /// </summary>
    public Task<SipReinviteResult> ReinviteAsync(string sdpOffer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sdpOffer);
        ReinviteClient client;
        lock (Gate)
        {
            if (State is not (SipCallState.Accepted or SipCallState.Confirmed) || HangupRequested)
            {
                return Task.FromResult(new SipReinviteResult(481, "Call/Transaction Does Not Exist", null));
            }

            if (_reinvite is { IsFinished: false })
            {
                return Task.FromResult(new SipReinviteResult(491, "Request Pending", null));
            }

            client = new ReinviteClient(this, sdpOffer, OwnsCallId, Agent.Time, Agent.Logger);
            _reinvite = client;
        }

        client.Start();
        return client.Result.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends an application's request inside the dialog (INFO, MESSAGE, NOTIFY ...; RFC 3261 §12.2.1.1) and completes
    /// with its final response, or a 408/503/481 result naming why none came. A 481, or no answer, also ends the call
    /// with <see cref="SipCallDialogFailed"/> (§12.2.1.2). Cancelling the token stops the wait, not the transaction.
    /// </summary>
    /// <exception cref="ArgumentException">The method is one the dialog layer owns, or a header one it writes itself.</exception>
    public Task<SipInDialogResult> SendRequestAsync(SipInDialogRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SipInDialogRequest.IsReservedForDialog(request.Method))
        {
            throw new ArgumentException($"{request.Method} is sent by the dialog layer only", nameof(request));
        }

        SipRequest sip;
        lock (Gate)
        {
            if (!CanSendInDialogLocked)
            {
                return Task.FromResult(SipInDialogResult.NoDialog);
            }

            sip = SipRequestFactory.CreateInDialogRequest(Dialog!, request, Local);
        }

        return InDialogClient.SendAsync(this, sip).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a REFER (RFC 3515) asking the peer to call <see cref="SipReferRequest.ReferTo"/> instead, and completes
    /// with its final response (202 when accepted). The NOTIFYs of its implicit subscription are answered here and
    /// reported as <see cref="SipCallReferNotify"/>. One transfer at a time: while one is under way another gets 491.
    /// </summary>
    /// <exception cref="ArgumentException">A header is one the dialog layer writes itself.</exception>
    public Task<SipInDialogResult> ReferAsync(SipReferRequest refer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refer);
        SipRequest sip;
        ReferSubscription subscription;
        lock (Gate)
        {
            if (!CanSendInDialogLocked)
            {
                return Task.FromResult(SipInDialogResult.NoDialog);
            }

            if (_refer is { State: not ReferSubscriptionState.Terminated })
            {
                return Task.FromResult(new SipInDialogResult(491, "Request Pending", "a transfer is already under way"));
            }

            sip = SipRequestFactory.CreateRefer(Dialog!, refer, Local);
            subscription = new ReferSubscription(sip.CSeq!.Value.Number, Agent.Logger);
            _refer = subscription;
        }

        return InDialogClient.SendAsync(this, sip, result =>
        {
            lock (Gate)
            {
                subscription.OnReferAnswered(result.StatusCode);
            }
        }).WaitAsync(cancellationToken);
    }

    /// <summary>The subscription of our last REFER, for its NOTIFYs; read under <see cref="Gate"/>.</summary>
    internal ReferSubscription? ReferSubscriptionLocked => _refer;

    /// <summary>Whether requests may be sent in the dialog: it exists, and nobody asked to end the call.</summary>
    private bool CanSendInDialogLocked => Dialog is not null && !HangupRequested && State is SipCallState.Accepted or SipCallState.Confirmed;

    /// <summary>A 2xx to one of our INVITEs that matched no transaction any more: ACK it again (RFC 3261 §13.2.2.4).</summary>
    internal void OnStraySuccess(SipResponse response)
    {
        ReinviteClient? reinvite;
        lock (Gate)
        {
            reinvite = _reinvite;
        }

        if (response.CSeq is { } cseq && reinvite is not null && reinvite.Sequence == cseq.Number)
        {
            reinvite.ResendAck();
        }
        else
        {
            ResendInitialAck();
        }
    }

    /// <summary>An ACK for a 2xx we sent (it matches no transaction, RFC 3261 §17.2.3).</summary>
    internal void OnAck(SipRequest ack)
    {
        AwaitedAck? awaited;
        SipRequest? bye = null;
        SipCallEvent? report = null;
        lock (Gate)
        {
            awaited = _awaitedAck;
            if (awaited is null || ack.CSeq?.Number != awaited.Sequence || Dialog is null || !Dialog.Matches(ack))
            {
                // A retransmitted ACK, or one for a 2xx we no longer wait on.
                return;
            }

            _awaitedAck = null;
            var answer = ack.Body.IsEmpty ? null : ack.BodyAsString();
            if (awaited.IsInitialInvite && State == SipCallState.Accepted)
            {
                if (HangupRequested)
                {
                    // RFC 3261 §15: the callee may send BYE only once the ACK has arrived; the engine asked earlier.
                    bye = BeginByeLocked();
                }
                else
                {
                    TryTransitionTo(SipCallState.Confirmed);
                    report = new SipCallConfirmed(answer);
                }
            }
            else if (awaited.Offer is not null && answer is not null)
            {
                LocalSdp = awaited.Offer;
                report = new SipCallSessionModified(answer, awaited.Offer);
            }
        }

        awaited.Dispose();
        Report(report);
        SendBye(bye);
    }

    /// <summary>Starts waiting for the ACK of a 2xx we just sent; call under <see cref="Gate"/>.</summary>
    internal void AwaitAckLocked(SipResponse success, IPEndPoint destination, bool isInitialInvite, string? offer)
    {
        var bytes = SipMessageWriter.ToArray(success);
        _awaitedAck?.Dispose();
        var hop = new SipNextHop(Transport, destination);
        _awaitedAck = new AwaitedAck(success.CSeq!.Value.Number, isInitialInvite, offer, Agent.Time, Agent.Timers,
            () => Agent.TrySend(bytes, hop), OnAckTimeout);
        _awaitedAck.Start(Transport.IsReliable);
    }

    /// <summary>
    /// The peer's BYE matched the dialog (RFC 3261 §15.1.2): the call ends, and the engine hears
    /// <see cref="SipCallHungUp"/> unless it had asked to hang up itself (our BYE crossed theirs). Call under
    /// <see cref="Gate"/>; a subclass extends it for the states before its dialog is confirmed.
    /// </summary>
    internal virtual SipCallEvent? EndOnByeLocked()
    {
        var peerEndedCall = State is SipCallState.Accepted or SipCallState.Confirmed && !HangupRequested;
        StopAwaitingAckLocked();
        TryTransitionTo(SipCallState.Ended);
        return peerEndedCall ? new SipCallHungUp() : null;
    }

    /// <summary>Ends the call because a request inside the dialog got 481 or no answer (RFC 3261 §12.2.1.2).</summary>
    internal void OnDialogFailed(int statusCode, string reasonPhrase) =>
        EndWith(HangupRequested ? null : new SipCallDialogFailed(statusCode, reasonPhrase));

    /// <summary>The observer's or the configured answerer for peer offers.</summary>
    internal ISipOfferAnswerer? CurrentAnswerer => _events.AnswererOr(OfferAnswerer);

    /// <summary>
    /// Where in-dialog requests go (RFC 3261 §12.2.1.1): the first route, else the remote target. One that cannot
    /// be reached becomes an address nothing answers, so the request fails like any undeliverable one.
    /// </summary>
    internal SipNextHop NextHop() =>
        Agent.ResolveHop(NextHopResolver.NextHopUri(Dialog!.RemoteTarget, Dialog.RouteSet), Transport)
        ?? new SipNextHop(Transport, new IPEndPoint(IPAddress.None, 0));

    internal SipHeader LocalContact() => SipRequestFactory.Contact(Local);

    /// <summary>Outbound calls resend the ACK of their INVITE's 2xx; inbound ones have none.</summary>
    private protected virtual void ResendInitialAck()
    {
    }

    /// <summary>Moves along the side's table; an illegal edge stays, logged and counted. Call under <see cref="Gate"/>.</summary>
    internal bool TryTransitionTo(SipCallState next) => _state.TryTransitionTo(next);

    private protected void SetObserver(ISipCallObserver observer) => _events.Attach(observer);

    /// <summary>Delivers one event in order; never call with <see cref="Gate"/> held.</summary>
    internal void Report(SipCallEvent? sipEvent)
    {
        if (sipEvent is not null)
        {
            _events.Deliver(sipEvent);
        }
    }

    /// <summary>Moves to Terminating and builds the BYE (RFC 3261 §15.1.1); call under <see cref="Gate"/>.</summary>
    private protected SipRequest BeginByeLocked()
    {
        TryTransitionTo(SipCallState.Terminating);
        StopAwaitingAckLocked();
        return SipRequestFactory.CreateBye(Dialog!, Local);
    }

    /// <summary>Sends a BYE built by <see cref="BeginByeLocked"/>; its final response or failure ends the call.</summary>
    private protected void SendBye(SipRequest? bye)
    {
        if (bye is null)
        {
            return;
        }

        var hop = NextHop();
        Agent.Transactions.SendRequest(bye, hop.EndPoint, new ClientTransactionCallback(
            response =>
            {
                if (!response.IsProvisional)
                {
                    EndWith(null);
                }
            },
            _ => EndWith(null)), hop.Transport);
    }

    internal void StopAwaitingAckLocked()
    {
        _awaitedAck?.Dispose();
        _awaitedAck = null;
    }

    /// <summary>Ends the call if not ended yet, reporting <paramref name="final"/> first when given.</summary>
    private protected void EndWith(SipCallEvent? final)
    {
        lock (Gate)
        {
            if (State == SipCallState.Ended)
            {
                return;
            }

            StopAwaitingAckLocked();
            TryTransitionTo(SipCallState.Ended);
        }

        Finish(final);
    }

    /// <summary>After the transition to Ended: reports the last event, forgets the call and completes it.</summary>
    internal void Finish(SipCallEvent? lastEvent)
    {
        ReinviteClient? reinvite;
        lock (Gate)
        {
            reinvite = _reinvite;
        }

        reinvite?.Abandon();
        Report(lastEvent);
        Agent.OnCallEnded(this);
        _ended.TrySetResult();
    }

    /// <summary>
    /// RFC 3261 §13.3.1.4 / §14.2: no ACK for our 2xx within 64*T1. The dialog is confirmed in name only, so the
    /// session ends with BYE; the engine hears <see cref="SipCallAckTimedOut"/> unless it had asked to hang up.
    /// </summary>
    private void OnAckTimeout(AwaitedAck awaited)
    {
        SipRequest? bye = null;
        var report = false;
        lock (Gate)
        {
            if (!ReferenceEquals(_awaitedAck, awaited) || State is not (SipCallState.Accepted or SipCallState.Confirmed))
            {
                return;
            }

            _awaitedAck = null;
            report = !HangupRequested;
            HangupRequested = true;
            bye = BeginByeLocked();
        }

        awaited.Dispose();
        Log.AckTimedOut(Agent.Logger, CallId);
        if (report)
        {
            Report(new SipCallAckTimedOut());
        }

        SendBye(bye);
    }
}
