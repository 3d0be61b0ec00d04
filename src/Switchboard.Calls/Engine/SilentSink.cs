namespace Switchboard.Calls.Engine;

/// <summary>The sink of a call whose dialect wants no events from it (a <c>dial</c> leg without a status hook).</summary>
public sealed class SilentSink : ICallEventSink
{
    public static SilentSink Instance { get; } = new();

    public void OnCallEvent(CallEvent callEvent)
    {
    }
}
