namespace Switchboard.Calls.Verbs;

/// <summary>Silence for a while; keys pressed meanwhile are kept for the next gather.</summary>
public sealed record PauseVerb(TimeSpan Duration) : Verb
{
    public override string Name => "pause";
}
