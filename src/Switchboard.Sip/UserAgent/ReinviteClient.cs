using System.Net;
using System.Security.Cryptography;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// One re-INVITE we send (RFC 3261 §14.1): the INVITE client transaction, the ACK for its 2xx (kept to answer
/// retransmissions, §13.2.2.4), and glare handling: after a 491, or while the peer's own offer is in progress, it
/// waits the §14.1 random delay and tries exactly once more.
/// </summary>
/// <remarks>Its lock is taken inside the call's, never the other way round: nothing calls the call while holding it.</remarks>
internal sealed class ReinviteClient
{
    private readonly Lock _gate = new();
    private readonly SipCall _call;
    private readonly string _offer;
    private readonly bool _ownsCallId;
    private readonly TaskCompletionSource<SipReinviteResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SipTransactionTimer _retryTimer;
    private ReinviteClientState _state = ReinviteClientState.Idle;
    private bool _retried;
    private byte[]? _ack;
    private SipNextHop? _ackHop;

    public ReinviteClient(SipCall call, string offer, bool ownsCallId, TimeProvider time)
    {
        _call = call;
        _offer = offer;
        _ownsCallId = ownsCallId;
        _retryTimer = new SipTransactionTimer(time, Attempt);
    }

    public Task<SipReinviteResult> Result => _result.Task;

    public bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _state == ReinviteClientState.Finished;
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
            if (_state is not (ReinviteClientState.Idle or ReinviteClientState.WaitingToRetry))
            {
                return;
            }
        }

        var (invite, hop, refusal) = _call.PrepareReinvite(_offer);
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
            abandoned = _state == ReinviteClientState.Finished;
            if (!abandoned)
            {
                TransitionTo(ReinviteClientState.Sending);
                Sequence = invite!.CSeq!.Value.Number;
            }
        }

        if (abandoned)
        {
            _call.OnReinviteRefused();
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

        _call.OnReinviteRefused();
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
            var (ack, hop) = _call.AcceptReinviteAnswer(success, _offer);
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
        _call.OnReinviteRefused();
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
            if (_retried || _state == ReinviteClientState.Finished)
            {
                delay = TimeSpan.MinValue;
            }
            else
            {
                _retried = true;
                TransitionTo(ReinviteClientState.WaitingToRetry);
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
            if (_state == ReinviteClientState.Finished)
            {
                return;
            }

            TransitionTo(ReinviteClientState.Finished);
        }

        _retryTimer.Dispose();
        _result.TrySetResult(result);
    }

    private void TransitionTo(ReinviteClientState next)
    {
        var legal = (_state, next) switch
        {
            (ReinviteClientState.Idle, ReinviteClientState.Sending or ReinviteClientState.WaitingToRetry or ReinviteClientState.Finished) => true,
            (ReinviteClientState.Sending, ReinviteClientState.WaitingToRetry or ReinviteClientState.Finished) => true,
            (ReinviteClientState.WaitingToRetry, ReinviteClientState.Sending or ReinviteClientState.Finished) => true,
            _ => false,
        };
        if (!legal)
        {
            throw new InvalidOperationException($"Illegal re-INVITE transition {_state} -> {next}.");
        }

        _state = next;
    }
}
