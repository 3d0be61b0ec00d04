using System.Net;
using System.Net.Sockets;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The plumbing every RFC 3261 §17 transaction shares: its request and key, its state machine (one table per kind,
/// ending in its Terminated state), the lock that guards it, its timers, and sending to the remote end over one
/// transport, where a socket error is the caller's to judge (§17.1.4, §17.2.4).
/// </summary>
public abstract class SipTransaction<TState> : IDisposable
    where TState : struct, Enum
{
    private readonly StateMachine<TState> _state;
    private readonly TState _terminated;
    private readonly TimeProvider _time;
    private readonly List<SipTransactionTimer> _timers = [];

    private protected SipTransaction(
        SipRequest request,
        SipTransactionKey key,
        (IPEndPoint Remote, ISipTransport Transport) peer,
        SipTransactionContext context,
        (TransitionTable<TState> Table, TState Initial, TState Terminated) states)
    {
        Request = request;
        Key = key;
        Remote = peer.Remote;
        Transport = peer.Transport;
        Timers = context.Timers;
        _time = context.Time;
        _state = new StateMachine<TState>(states.Table, states.Initial, context.Logger);
        _terminated = states.Terminated;
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    public TState State => _state.Current;

    public ISipTransport Transport { get; }

    private protected IPEndPoint Remote { get; }

    private protected Lock Gate { get; } = new();

    private protected SipTimerSettings Timers { get; }

    private protected bool IsTerminated => EqualityComparer<TState>.Default.Equals(State, _terminated);

    public void Dispose()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A timer of this transaction, disposed with it.</summary>
    private protected SipTransactionTimer CreateTimer(Action onFire)
    {
        var timer = new SipTransactionTimer(_time, onFire);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>Moves along the kind's table; call under <see cref="Gate"/>.</summary>
    private protected bool TryTransitionTo(TState next) => _state.TryTransitionTo(next);

    private protected bool TryTerminate() => _state.TryTransitionTo(_terminated);

    private protected bool TrySend(byte[] bytes)
    {
        try
        {
            Transport.Send(bytes, Remote);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
