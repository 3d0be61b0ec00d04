using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// One outbound call (the UAC side): the INVITE client transaction, CANCEL, and the dialog a 2xx creates. Reports
/// exactly one final event (<see cref="SipCallAnswered"/> or <see cref="SipCallRejected"/>); afterwards the dialog
/// events of <see cref="SipCall"/>.
/// </summary>
public sealed class OutboundCall : SipCall
{
    private readonly SipNextHop _hop;
    private readonly InviteAuthenticator? _authenticator;
    private SipRequest _invite;
    private bool _finalReported;
    private byte[]? _ackBytes;
    private SipNextHop? _ackHop;

    internal OutboundCall(SipUserAgent agent, ISipCallObserver observer, SipRequest invite, SipNextHop hop, SipLocalAddress local, SipCredentials? credentials)
        : base(agent, invite.CallId!, invite.From!.Tag!, local, hop.Transport, Transitions, SipCallState.Calling)
    {
        _invite = invite;
        _authenticator = credentials is null ? null : new InviteAuthenticator(credentials);
        _hop = hop;
        LocalSdp = invite.Body.IsEmpty ? null : invite.BodyAsString();
        SetObserver(observer);
    }

    /// <summary>
    /// The UAC side (RFC 3261 §13.2): provisional, 2xx or a final refusal; CANCEL only once a provisional arrived
    /// (§9.1); BYE (§15.1.1) after the 2xx. Two edges are taken only under a condition their call site checks:
    /// Calling → Terminating when a 2xx races a hang-up asked before any provisional, and Proceeding → Calling when
    /// the INVITE is resent with credentials (§22.2), a new transaction whose provisional CANCEL must wait for again.
    /// </summary>
    internal static TransitionTable<SipCallState> Transitions { get; } = TransitionTable<SipCallState>.Declare("outbound call")
        .Allow(SipCallState.Calling, SipCallState.Proceeding, SipCallState.Confirmed, SipCallState.Terminating, SipCallState.Ended)
        .Allow(SipCallState.Proceeding, SipCallState.Calling, SipCallState.Cancelling, SipCallState.Confirmed, SipCallState.Ended)
        .Allow(SipCallState.Cancelling, SipCallState.Terminating, SipCallState.Ended)
        .Allow(SipCallState.Confirmed, SipCallState.Terminating, SipCallState.Ended)
        .Allow(SipCallState.Terminating, SipCallState.Ended)
        .Build();

    internal ISipClientTransactionUser InviteUser => new ClientTransactionCallback(OnInviteResponse, OnInviteFailure);

    private protected override bool OwnsCallId => true;

    internal override IPEndPoint Peer => _hop.EndPoint;

    /// <summary>
    /// Ends the call: CANCEL before a final response (sent once a provisional has arrived, RFC 3261 §9.1), BYE
    /// after answer (RFC 3261 §15.1.1), nothing once ended. Completes when the call has ended. Idempotent.
    /// </summary>
    public override Task HangupAsync(CancellationToken cancellationToken)
    {
        SipRequest? cancel = null;
        SipRequest? bye = null;
        lock (Gate)
        {
            if (State != SipCallState.Ended && !HangupRequested)
            {
                HangupRequested = true;
                switch (State)
                {
                    case SipCallState.Proceeding:
                        TryTransitionTo(SipCallState.Cancelling);
                        cancel = SipRequestFactory.CreateCancel(_invite);
                        break;
                    case SipCallState.Confirmed:
                        bye = BeginByeLocked();
                        break;
                }
            }
        }

        if (cancel is not null)
        {
            SendCancel(cancel);
        }

        SendBye(bye);
        return Completion.WaitAsync(cancellationToken);
    }

    private protected override void ResendInitialAck()
    {
        byte[]? ack;
        SipNextHop? hop;
        lock (Gate)
        {
            ack = _ackBytes;
            hop = _ackHop;
        }

        if (ack is not null && hop is { } destination)
        {
            Agent.TrySend(ack, destination);
        }
    }

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
        else if (response.StatusCode is 401 or 407 && TryResendWithCredentials(response))
        {
            Log.Authenticating(Agent.Logger, CallId, response.StatusCode);
        }
        else
        {
            EndWithFinal(new SipCallRejected(response.StatusCode, response.ReasonPhrase));
        }
    }

    private void OnProvisional(SipResponse response)
    {
        SipRequest? cancel = null;
        var report = false;
        lock (Gate)
        {
            if (State == SipCallState.Calling)
            {
                TryTransitionTo(SipCallState.Proceeding);
                if (HangupRequested)
                {
                    // HangupAsync came before any provisional: RFC 3261 §9.1 lets the CANCEL go only now.
                    TryTransitionTo(SipCallState.Cancelling);
                    cancel = SipRequestFactory.CreateCancel(_invite);
                }
            }

            report = State == SipCallState.Proceeding;
        }

        if (cancel is not null)
        {
            SendCancel(cancel);
        }

        if (report)
        {
            var sdp = response.Body.IsEmpty ? null : response.BodyAsString();
            Report(new SipCallProgress(response.StatusCode, response.ReasonPhrase, sdp));
        }
    }

    private void OnSuccess(SipResponse response)
    {
        SipRequest? bye = null;
        SipCallEvent? final = null;
        lock (Gate)
        {
            if (Dialog is null)
            {
                Dialog = SipDialog.FromResponse(_invite, response);
                var ack = SipRequestFactory.CreateAck(Dialog, _invite.CSeq!.Value.Number, Local);
                _ackBytes = SipMessageWriter.ToArray(ack);
                _ackHop = Agent.ResolveHop(NextHopResolver.NextHopUri(Dialog.RemoteTarget, Dialog.RouteSet), Transport) ?? _hop;
                if (HangupRequested && State is SipCallState.Calling or SipCallState.Cancelling)
                {
                    // RFC 3261 §9.1: a 2xx that races our CANCEL establishes the dialog; ACK it, then BYE it.
                    // The engine asked to hang up, so the call's single final event is "cancelled".
                    bye = BeginByeLocked();
                    final = new SipCallRejected(487, "Request Terminated");
                }
                else if (State is SipCallState.Calling or SipCallState.Proceeding)
                {
                    TryTransitionTo(SipCallState.Confirmed);
                    final = new SipCallAnswered(response.Body.IsEmpty ? null : response.BodyAsString());
                }
                else
                {
                    // The call already ended (e.g. the CANCEL timed out); do not leave the peer's dialog up.
                    bye = SipRequestFactory.CreateBye(Dialog, Local);
                }
            }
        }

        ResendInitialAck();
        if (final is not null)
        {
            ReportFinal(final);
        }

        SendBye(bye);
    }

    /// <summary>
    /// RFC 3261 §22.2: a challenged INVITE is resent with credentials (the transaction has already ACKed the 401/407).
    /// False when there are none, the engine is hanging up, or the realm refused them already.
    /// </summary>
    private bool TryResendWithCredentials(SipResponse challenge)
    {
        SipRequest retry;
        lock (Gate)
        {
            if (_authenticator is null || HangupRequested || State is not (SipCallState.Calling or SipCallState.Proceeding)
                || !_authenticator.TryAccept(challenge))
            {
                return false;
            }

            if (State == SipCallState.Proceeding)
            {
                TryTransitionTo(SipCallState.Calling);
            }

            var authorization = _authenticator.HeadersFor(SipMethod.Invite, _invite.RequestUri).ToList();
            retry = SipRequestFactory.CreateAuthenticatedRetry(_invite, authorization, Local);
            _invite = retry;
        }

        Agent.Transactions.SendInvite(retry, _hop.EndPoint, InviteUser, _hop.Transport);
        return true;
    }

    private void OnInviteFailure(SipTransactionFailure failure) => EndWithFinal(failure == SipTransactionFailure.Timeout
        ? new SipCallRejected(408, "Request Timeout")
        : new SipCallRejected(503, "Service Unavailable"));

    private void SendCancel(SipRequest cancel) =>
        Agent.Transactions.SendRequest(cancel, _hop.EndPoint, new ClientTransactionCallback(static _ => { }, _ => OnCancelFailed()), _hop.Transport);

    /// <summary>
    /// RFC 3261 §9.1: if the CANCEL gets no response the INVITE may never complete; end the call as cancelled
    /// rather than leave it waiting forever.
    /// </summary>
    private void OnCancelFailed() => EndWithFinal(new SipCallRejected(487, "Request Terminated"));

    /// <summary>Ends the call; <paramref name="final"/> is reported only if no final event was reported yet.</summary>
    private void EndWithFinal(SipCallRejected final)
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

        ReportFinal(final);
        Finish(null);
    }

    private void ReportFinal(SipCallEvent final)
    {
        lock (Gate)
        {
            if (_finalReported)
            {
                return;
            }

            _finalReported = true;
        }

        Report(final);
    }
}
