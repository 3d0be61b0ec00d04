namespace Switchboard.Calls.Engine;

/// <summary>
/// The one place a call's status changes. Only forward edges are legal and a final status is final,
/// which is what guarantees exactly one final status per leg.
/// </summary>
public sealed class CallStatusMachine
{
    public CallStatus Current { get; private set; } = CallStatus.Queued;

    /// <summary>Moves to <paramref name="next"/> if that edge is legal; returns false (and stays) otherwise.</summary>
    public bool TryTransitionTo(CallStatus next)
    {
        if (!IsLegal(Current, next))
        {
            return false;
        }

        Current = next;
        return true;
    }

    public static bool IsLegal(CallStatus from, CallStatus to) => from switch
    {
        CallStatus.Queued => to is CallStatus.Trying or CallStatus.Failed or CallStatus.Canceled,
        CallStatus.Trying => to is not (CallStatus.Queued or CallStatus.Trying or CallStatus.Completed),
        // A 180 may follow a 183 and the other way round; both stay before the answer.
        CallStatus.Ringing => to is not (CallStatus.Queued or CallStatus.Trying or CallStatus.Ringing or CallStatus.Completed),
        CallStatus.EarlyMedia => to is not (CallStatus.Queued or CallStatus.Trying or CallStatus.EarlyMedia or CallStatus.Completed),
        CallStatus.InProgress => to is CallStatus.Completed or CallStatus.Failed,
        _ => false,
    };
}
