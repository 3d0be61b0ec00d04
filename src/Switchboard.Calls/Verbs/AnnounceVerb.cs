namespace Switchboard.Calls.Verbs;

/// <summary>
/// Plays <paramref name="Prompts"/> (<see cref="SayVerb"/>s and <see cref="PlayVerb"/>s) one after another as one
/// prompt and reports how long it played (an <see cref="Scripts.AnnounceResult"/>), so the script can tell the
/// application. As a <see cref="GatherVerb.Prompt"/> or a <see cref="DialVerb"/>'s hold or greeting audio it is
/// simply the sequence of prompts.
/// </summary>
public sealed record AnnounceVerb(IReadOnlyList<Verb> Prompts) : Verb
{
    public override string Name => "announce";
}
