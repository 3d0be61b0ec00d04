namespace Switchboard.Calls.Verbs;

/// <summary>Speaks text. With <paramref name="BargeIn"/> a key press stops the speech and jumps to the next gather.</summary>
public sealed record SayVerb(string Text, string? Language, string? Gender, string? Voice, bool BargeIn) : Verb
{
    public override string Name => "say";
}
