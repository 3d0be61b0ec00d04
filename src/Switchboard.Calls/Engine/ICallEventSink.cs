namespace Switchboard.Calls.Engine;

/// <summary>
/// A dialect's notifier: turns engine events into that dialect's webhooks. Called on the call's loop, in
/// order; implementations enqueue and return, they never wait for the network.
/// </summary>
public interface ICallEventSink
{
    void OnCallEvent(CallEvent callEvent);
}
