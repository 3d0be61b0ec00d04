namespace Switchboard.Calls.Callbacks;

/// <summary>
/// A dialect's notifier for a session's own events. Called on the session's loop, in order; implementations
/// enqueue and return, they never wait for the network.
/// </summary>
public interface ICallbackSessionSink
{
    void OnSessionEvent(CallbackSessionEvent sessionEvent);
}
