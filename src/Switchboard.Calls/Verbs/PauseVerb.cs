namespace Switchboard.Calls.Verbs;

/// <summary>Silence for a while; keys pressed meanwhile are kept for the next gather.</summary>
public sealed record PauseVerb(TimeSpan Duration) : Verb
{
    public override string Name => "pause";

    /// <summary>
    /// Whether a key ends the pause at once and jumps to the next gather, as a barge-in prompt's key does (the
    /// Conversation API's pause after a <c>bargeIn</c> SAY); without it the key waits out the pause.
    /// </summary>
    public bool BargeIn { get; init; }
}
