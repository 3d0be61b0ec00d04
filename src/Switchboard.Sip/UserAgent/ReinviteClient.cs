using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using static Switchboard.Sip.UserAgent.ReinviteClientState;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// One re-INVITE we send (RFC 3261 §14.1): the INVITE client transaction, the ACK for its 2xx (kept to answer
/// retransmissions, §13.2.2.4), and glare handling: after a 491, or while the peer's own offer is in progress, it
/// waits the §14.1 random delay and tries exactly once more.
/// </summary>
/// <remarks>
/// Its lock is taken inside the call's, never the other way round: nothing calls the call while holding it. The
/// offer bookkeeping it does on the call (§14.1's one offer at a time) is done under the call's <see cref="SipCall.Gate"/>.
/// </remarks>
internal sealed class ReinviteClient
{
    private readonly Lock _gate = new();
    private readonly SipCall _call;
    private readonly string _offer;
    private readonly bool _ownsCallId;
    private readonly TaskCompletionSource<SipReinviteResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SipTransactionTimer _retryTimer;
    private readonly StateMachine<ReinviteClientState> _state;
    private bool _retried;
    private byte[]? _ack;
    private SipNextHop? _ackHop;

    public ReinviteClient(SipCall call, string offer, bool ownsCallId, TimeProvider time, ILogger logger)
    {
        _call = call;
        _offer = offer;
        _ownsCallId = ownsCallId;
        _retryTimer = new SipTransactionTimer(time, Attempt);
        _state = new StateMachine<ReinviteClientState>(Transitions, Idle, logger);
    }

    /// <summary>The life of one re-INVITE as <see cref="ReinviteClientState"/> describes it (RFC 3261 §14.1: one retry after a 491).</summary>
    internal static TransitionTable<ReinviteClientState> Transitions { get; } = TransitionTable<ReinviteClientState>.Declare("re-INVITE")
        .Allow(Idle, Sending, WaitingToRetry, Finished)
        .Allow(Sending, WaitingToRetry, Finished)
        .Allow(WaitingToRetry, Sending, Finished)
        .Build();

    public Task<SipReinviteResult> Result => _result.Task;

    public bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _state.Current == Finished;
            }
        }
    }

    /// <summary>The CSeq number of the last INVITE sent, which its 2xx and ACK carry.</summary>
    public uint Sequence { get; private set; }

    public void Start() => Attempt();

    /// <summary>A retransmitted 2xx after the transaction ended: the same ACK again.</summary>
    public void ResendAck()
    {
        byte[]? ack;
        SipNextHop? hop;
        lock (_gate)
        {
            (ack, hop) = (_ack, _ackHop);
        }

        if (ack is not null && hop is { } destination)
        {
            _call.Agent.TrySend(ack, destination);
        }
    }

    /// <summary>The call ended: whatever is pending reports 481.</summary>
    public void Abandon() => Complete(new SipReinviteResult(481, "Call/Transaction Does Not Exist", null));

    private void Attempt()
    {
        lock (_gate)
        {
            if (_state.Current is not (Idle or WaitingToRetry))
            {
                return;
            }
        }

        var (invite, hop, refusal) = PrepareInvite();
        if (refusal is { StatusCode: 491 })
        {
            RetryLater(refusal);
            return;
        }

        if (refusal is not null)
        {
            Complete(refusal);
            return;
        }

        bool abandoned;
        lock (_gate)
        {
            // Abandoned while the INVITE was being built: the call ended, so it is never sent.
            abandoned = _state.Current == Finished;
            if (!abandoned)
            {
                _state.TryTransitionTo(Sending);
                Sequence = invite!.CSeq!.Value.Number;
            }
        }

        if (abandoned)
        {
            OnRefused();
            return;
        }

        _call.Agent.Transactions.SendInvite(invite!, hop!.Value.EndPoint, new ClientTransactionCallback(OnResponse, OnFailure), hop.Value.Transport);
    }

    private void OnResponse(SipResponse response)
    {
        if (response.IsProvisional || response.CSeq?.Number != Sequence)
        {
            return;
        }

        if (response.IsSuccess)
        {
            Acknowledge(response);
            return;
        }

        OnRefused();
        if (response.StatusCode == 491)
        {
            RetryLater(new SipReinviteResult(491, response.ReasonPhrase, null));
            return;
        }

        Complete(new SipReinviteResult(response.StatusCode, response.ReasonPhrase, null));
        if (response.StatusCode is 481 or 408)
        {
            _call.OnDialogFailed(response.StatusCode, response.ReasonPhrase);
        }
    }

    /// <summary>The first 2xx builds the ACK; retransmissions of it (passed up by the transaction) resend it.</summary>
    private void Acknowledge(SipResponse success)
    {
        bool first;
        lock (_gate)
        {
            first = _ack is null;
        }

        if (first)
        {
            var (ack, hop) = AcceptAnswer(success);
            lock (_gate)
            {
                (_ack, _ackHop) = (ack, hop);
            }
        }

        ResendAck();
        if (first)
        {
            Complete(new SipReinviteResult(success.StatusCode, success.ReasonPhrase, success.Body.IsEmpty ? null : success.BodyAsString()));
        }
    }

    private void OnFailure(SipTransactionFailure failure)
    {
        OnRefused();
        if (failure == SipTransactionFailure.Timeout)
        {
            Complete(new SipReinviteResult(408, "Request Timeout", null));
            _call.OnDialogFailed(408, "Request Timeout");
        }
        else
        {
            Complete(new SipReinviteResult(503, "Service Unavailable", null));
        }
    }

    /// <summary>
    /// RFC 3261 §14.1: after a 491 the Call-ID's owner waits 2.1–4 s, the other side 0–2 s, in 10 ms steps, so the
    /// two retries do not collide again. Only one retry is made; a second refusal is the result.
    /// </summary>
    private void RetryLater(SipReinviteResult refusal)
    {
        TimeSpan delay;
        lock (_gate)
        {
            if (_retried || _state.Current == Finished)
            {
                delay = TimeSpan.MinValue;
            }
            else
            {
                _retried = true;
                _state.TryTransitionTo(WaitingToRetry);
                var steps = _ownsCallId ? RandomNumberGenerator.GetInt32(210, 401) : RandomNumberGenerator.GetInt32(0, 201);
                delay = TimeSpan.FromMilliseconds(steps * 10);
                _retryTimer.Start(delay);
            }
        }

        if (delay == TimeSpan.MinValue)
        {
            Complete(refusal);
        }
        else
        {
            Log.ReinviteGlare(_call.Agent.Logger, _call.CallId, refusal.StatusCode, delay);
        }
    }

    private void Complete(SipReinviteResult result)
    {
        lock (_gate)
        {
            if (_state.Current == Finished)
            {
                return;
            }

            _state.TryTransitionTo(Finished);
        }

        _retryTimer.Dispose();
        _result.TrySetResult(result);
    }

    /// <summary>Builds the re-INVITE, or refuses while either side's offer is outstanding (RFC 3261 §14.1).</summary>
    private (SipRequest? Invite, SipNextHop? Hop, SipReinviteResult? Refusal) PrepareInvite()
    {
        lock (_call.Gate)
        {
            if (_call.Dialog is not { } dialog || _call.State is not (SipCallState.Accepted or SipCallState.Confirmed) || _call.HangupRequested)
            {
                return (null, null, new SipReinviteResult(481, "Call/Transaction Does Not Exist", null));
            }

            if (_call.State == SipCallState.Accepted || _call.LocalOfferPending || _call.RemoteOfferPending || _call.AwaitingAck)
            {
                return (null, null, new SipReinviteResult(491, "Request Pending", null));
            }

            _call.LocalOfferPending = true;
            var invite = SipRequestFactory.CreateReinvite(dialog, _offer, _call.Local);
            return (invite, _call.NextHop(), null);
        }
    }

    /// <summary>The 2xx: take the answer, refresh the target and build the ACK (RFC 3261 §14.1, §12.2.1.2).</summary>
    private (byte[]? Ack, SipNextHop? Hop) AcceptAnswer(SipResponse success)
    {
        lock (_call.Gate)
        {
            _call.LocalOfferPending = false;
            if (_call.Dialog is not { } dialog || _call.State == SipCallState.Ended)
            {
                return (null, null);
            }

            dialog.RefreshRemoteTarget(success);
            _call.LocalSdp = _offer;
            var ack = SipRequestFactory.CreateAck(dialog, success.CSeq!.Value.Number, _call.Local);
            return (SipMessageWriter.ToArray(ack), _call.NextHop());
        }
    }

    private void OnRefused()
    {
        lock (_call.Gate)
        {
            _call.LocalOfferPending = false;
        }
    }
}
