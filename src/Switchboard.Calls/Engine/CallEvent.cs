namespace Switchboard.Calls.Engine;

/// <summary>Something that happened to a call, in order; every event is persisted before sinks see it.</summary>
public abstract record CallEvent(CallSnapshot Call, DateTimeOffset At)
{
    /// <summary>The event's name as stored with the call.</summary>
    public abstract string Name { get; }
}
