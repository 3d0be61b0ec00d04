namespace Switchboard.Calls.Verbs;

/// <summary>
/// One step of a call script in the engine's native verb set. Every API dialect translates its own
/// instructions into these and back.
/// </summary>
public abstract record Verb
{
    /// <summary>The verb's name in the native set (<c>say</c>, <c>pause</c>, ...), for events and logs.</summary>
    public abstract string Name { get; }
}
