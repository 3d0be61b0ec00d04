using System.Net;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// One outbound call: the INVITE client transaction, the dialog a 2xx creates, and hangup. Reports exactly one
/// final event (answered or rejected) to its observer, and <see cref="SipCallHungUp"/> when the peer sends BYE.
/// </summary>
public sealed class OutboundCall
{
    private readonly Lock _gate = new();
    private readonly SipUserAgent _agent;
    private readonly ISipCallObserver _observer;
    private readonly SipRequest _invite;
    private readonly IPEndPoint _destination;
    private readonly string _localHost;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hangupRequested;
    private bool _finalReported;
    private byte[]? _ackBytes;
    private IPEndPoint? _ackDestination;

    internal OutboundCall(SipUserAgent agent, ISipCallObserver observer, SipRequest invite, IPEndPoint destination, string localHost)
    {
        _agent = agent;
        _observer = observer;
        _invite = invite;
        _destination = destination;
        _localHost = localHost;
        CallId = invite.CallId!;
    }

    /// <summary>The SIP Call-ID of the INVITE.</summary>
    public string CallId { get; }

    public OutboundCallState State { get; private set; } = OutboundCallState.Calling;

    /// <summary>The dialog, once a 2xx has been received.</summary>
    public SipDialog? Dialog { get; private set; }

    /// <summary>Completes when the call has ended, however it ended.</summary>
    public Task Completion => _ended.Task;

    internal ISipClientTransactionUser InviteUser => new ClientTransactionCallback(OnInviteResponse, OnInviteFailure);

    internal SipRequest Invite => _invite;

    /// <summary>
    /// Ends the call: CANCEL before a final response (sent once a provisional has arrived, RFC 3261 §9.1), BYE
    /// after answer (RFC 3261 §15.1.1), nothing once ended. Completes when the call has ended. Idempotent.
    /// </summary>
    public Task HangupAsync(CancellationToken cancellationToken)
    {
        SipRequest? cancel = null;
        SipRequest? bye = null;
        lock (_gate)
        {
            if (State != OutboundCallState.Ended && !_hangupRequested)
            {
                _hangupRequested = true;
                switch (State)
                {
                    case OutboundCallState.Proceeding:
                        TransitionTo(OutboundCallState.Cancelling);
                        cancel = SipRequestFactory.CreateCancel(_invite);
                        break;
                    case OutboundCallState.Confirmed:
                        TransitionTo(OutboundCallState.Terminating);
                        bye = SipRequestFactory.CreateBye(Dialog!, _localHost, _agent.LocalEndPoint.Port);
                        break;
                }
            }
        }

        if (cancel is not null)
        {
            SendCancel(cancel);
        }

        if (bye is not null)
        {
            SendBye(bye);
        }

        return _ended.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The peer's BYE for this dialog; returns false when it does not match an established dialog.</summary>
    internal bool OnRemoteBye(SipRequest bye)
    {
        bool peerEndedCall;
        lock (_gate)
        {
            if (Dialog is null || !Dialog.Matches(bye) || State is not (OutboundCallState.Confirmed or OutboundCallState.Terminating))
            {
                return false;
            }

            // When our BYE crossed theirs the engine already asked to hang up, so no SipCallHungUp is reported.
            peerEndedCall = State == OutboundCallState.Confirmed;
            TransitionTo(OutboundCallState.Ended);
        }

        Finish(peerEndedCall ? new SipCallHungUp() : null);
        return true;
    }

    /// <summary>A 2xx retransmission that arrived after the INVITE transaction ended: ACK it again (RFC 3261 §13.2.2.4).</summary>
    internal void OnStraySuccess() => ResendAck();

    private void OnInviteResponse(SipResponse response)
    {
        if (response.IsProvisional)
        {
            OnProvisional(response);
        }
        else if (response.IsSuccess)
        {
            OnSuccess(response);
        }
        else
        {
            EndWith(new SipCallRejected(response.StatusCode, response.ReasonPhrase));
        }
    }

    private void OnProvisional(SipResponse response)
    {
        SipRequest? cancel = null;
        var report = false;
        lock (_gate)
        {
            if (State == OutboundCallState.Calling)
            {
                TransitionTo(OutboundCallState.Proceeding);
                if (_hangupRequested)
                {
                    // HangupAsync came before any provisional: RFC 3261 §9.1 lets the CANCEL go only now.
                    TransitionTo(OutboundCallState.Cancelling);
                    cancel = SipRequestFactory.CreateCancel(_invite);
                }
            }

            report = State == OutboundCallState.Proceeding;
        }

        if (cancel is not null)
        {
            SendCancel(cancel);
        }

        if (report)
        {
            var sdp = response.Body.IsEmpty ? null : response.BodyAsString();
            _observer.OnSipEvent(new SipCallProgress(response.StatusCode, response.ReasonPhrase, sdp));
        }
    }

    private void OnSuccess(SipResponse response)
    {
        SipRequest? bye = null;
        SipCallEvent? final = null;
        lock (_gate)
        {
            if (Dialog is null)
            {
                Dialog = SipDialog.FromSuccessResponse(_invite, response);
                var ack = SipRequestFactory.CreateAck(Dialog, _invite.CSeq!.Value.Number, _localHost, _agent.LocalEndPoint.Port);
                _ackBytes = SipMessageWriter.ToArray(ack);
                _ackDestination = _agent.ResolveNextHop(NextHopResolver.NextHopUri(Dialog.RemoteTarget, Dialog.RouteSet)) ?? _destination;
                if (_hangupRequested && State is OutboundCallState.Calling or OutboundCallState.Cancelling)
                {
                    // RFC 3261 §9.1: a 2xx that races our CANCEL establishes the dialog; ACK it, then BYE it.
                    // The engine asked to hang up, so the call's single final event is "cancelled".
                    TransitionTo(OutboundCallState.Terminating);
                    bye = SipRequestFactory.CreateBye(Dialog, _localHost, _agent.LocalEndPoint.Port);
                    final = new SipCallRejected(487, "Request Terminated");
                }
                else if (State is OutboundCallState.Calling or OutboundCallState.Proceeding)
                {
                    TransitionTo(OutboundCallState.Confirmed);
                    final = new SipCallAnswered(response.Body.IsEmpty ? null : response.BodyAsString());
                }
                else
                {
                    // The call already ended (e.g. the CANCEL timed out); do not leave the peer's dialog up.
                    bye = SipRequestFactory.CreateBye(Dialog, _localHost, _agent.LocalEndPoint.Port);
                }
            }
        }

        ResendAck();
        if (final is not null)
        {
            Report(final);
        }

        if (bye is not null)
        {
            SendBye(bye);
        }
    }

    private void OnInviteFailure(SipTransactionFailure failure) => EndWith(failure == SipTransactionFailure.Timeout
        ? new SipCallRejected(408, "Request Timeout")
        : new SipCallRejected(503, "Service Unavailable"));

    private void SendCancel(SipRequest cancel) =>
        _agent.Transactions.SendRequest(cancel, _destination, new ClientTransactionCallback(static _ => { }, _ => OnCancelFailed()));

    /// <summary>
    /// RFC 3261 §9.1: if the CANCEL gets no response the INVITE may never complete; end the call as cancelled
    /// rather than leave it waiting forever.
    /// </summary>
    private void OnCancelFailed() => EndWith(new SipCallRejected(487, "Request Terminated"));

    private void SendBye(SipRequest bye)
    {
        var destination = _agent.ResolveNextHop(NextHopResolver.NextHopUri(bye.RequestUri, Dialog!.RouteSet)) ?? _destination;
        _agent.Transactions.SendRequest(bye, destination, new ClientTransactionCallback(
            response =>
            {
                if (!response.IsProvisional)
                {
                    EndWith(null);
                }
            },
            _ => EndWith(null)));
    }

    private void ResendAck()
    {
        byte[]? ack;
        IPEndPoint? destination;
        lock (_gate)
        {
            ack = _ackBytes;
            destination = _ackDestination;
        }

        if (ack is not null && destination is not null)
        {
            _agent.TrySend(ack, destination);
        }
    }

    /// <summary>Ends the call; <paramref name="final"/> is reported only if no final event was reported yet.</summary>
    private void EndWith(SipCallEvent? final)
    {
        lock (_gate)
        {
            if (State == OutboundCallState.Ended)
            {
                return;
            }

            TransitionTo(OutboundCallState.Ended);
        }

        if (final is not null)
        {
            Report(final);
        }

        Finish(null);
    }

    private void Report(SipCallEvent final)
    {
        lock (_gate)
        {
            if (_finalReported)
            {
                return;
            }

            _finalReported = true;
        }

        _observer.OnSipEvent(final);
    }

    private void Finish(SipCallEvent? sipEvent)
    {
        if (sipEvent is not null)
        {
            _observer.OnSipEvent(sipEvent);
        }

        _agent.OnCallEnded(this);
        _ended.TrySetResult();
    }

    private void TransitionTo(OutboundCallState next)
    {
        var legal = (State, next) switch
        {
            (OutboundCallState.Calling, OutboundCallState.Proceeding or OutboundCallState.Confirmed or OutboundCallState.Ended) => true,
            (OutboundCallState.Calling, OutboundCallState.Terminating) => _hangupRequested,
            (OutboundCallState.Proceeding, OutboundCallState.Cancelling or OutboundCallState.Confirmed or OutboundCallState.Ended) => true,
            (OutboundCallState.Cancelling, OutboundCallState.Terminating or OutboundCallState.Ended) => true,
            (OutboundCallState.Confirmed, OutboundCallState.Terminating or OutboundCallState.Ended) => true,
            (OutboundCallState.Terminating, OutboundCallState.Ended) => true,
            _ => false,
        };
        if (!legal)
        {
            throw new InvalidOperationException($"Illegal outbound call transition {State} -> {next}.");
        }

        State = next;
    }
}
