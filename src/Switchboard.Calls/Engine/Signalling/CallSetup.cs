using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine.Signalling;

/// <summary>
/// The SIP facts of a call's setup as one explicit machine: whether anything was heard, whether we gave up ringing,
/// whether it was answered. What a final response means (<see cref="Classify"/>) is read from it, not from flags.
/// </summary>
internal sealed class CallSetup(SetupState initial, ILogger logger)
{
    /// <summary>The documented setup diagram (docs/architecture.md, "The SIP facts of a call").</summary>
    public static readonly TransitionTable<SetupState> Table = TransitionTable<SetupState>.Declare("call setup")
        .Allow(SetupState.Inviting, SetupState.Ringing, SetupState.GivingUpUnheard, SetupState.Answered)
        .Allow(SetupState.Ringing, SetupState.GivingUp, SetupState.Answered)
        .Allow(SetupState.GivingUpUnheard, SetupState.GivingUp, SetupState.Answered)
        .Allow(SetupState.GivingUp, SetupState.Answered)
        .Build();

    private readonly StateMachine<SetupState> _machine = new(Table, initial, logger);

    public SetupState State => _machine.Current;

    public bool IsAnswered => State == SetupState.Answered;

    /// <summary>Whether we gave up ringing, so a 487 means no-answer rather than canceled.</summary>
    public bool GaveUp => State is SetupState.GivingUp or SetupState.GivingUpUnheard;

    /// <summary>A provisional response arrived (a repeat changes nothing).</summary>
    public void OnProvisional()
    {
        switch (State)
        {
            case SetupState.Inviting:
                _machine.TryTransitionTo(SetupState.Ringing);
                break;
            case SetupState.GivingUpUnheard:
                _machine.TryTransitionTo(SetupState.GivingUp);
                break;
        }
    }

    /// <summary>We stop ringing: a ring timeout or a live "no-answer" before the answer.</summary>
    public void OnGiveUp()
    {
        switch (State)
        {
            case SetupState.Inviting:
                _machine.TryTransitionTo(SetupState.GivingUpUnheard);
                break;
            case SetupState.Ringing:
                _machine.TryTransitionTo(SetupState.GivingUp);
                break;
        }
    }

    public void OnAnswered()
    {
        if (!IsAnswered)
        {
            _machine.TryTransitionTo(SetupState.Answered);
        }
    }

    /// <summary>What a final non-2xx response (or our own refusal) means for the call's status.</summary>
    public (CallStatus Status, string Reason) Classify(SipCallRejected rejected) => rejected.StatusCode switch
    {
        // 603 Decline (RFC 3261 §21.6.2) is the callee refusing this call, as a rejected call on a mobile phone is:
        // the person is there and will not talk now, which is what busy tells an application (jambonz says the same).
        486 or 600 or 603 => (CallStatus.Busy, rejected.ReasonPhrase),
        487 when GaveUp => (CallStatus.NoAnswer, "ring timeout"),
        487 => (CallStatus.Canceled, "canceled"),
        // A silence with no provisional at all is an unreachable carrier, not a callee who let it ring.
        408 when State is SetupState.Inviting or SetupState.GivingUpUnheard => (CallStatus.Failed, "no response from the carrier"),
        408 or 480 => (CallStatus.NoAnswer, rejected.ReasonPhrase),
        _ => (CallStatus.Failed, rejected.ReasonPhrase),
    };
}
