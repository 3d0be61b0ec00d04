using System.Text.Json;

namespace Switchboard.Calls.Verbs;

/// <summary>Replaces the call's application data (the <c>tag</c>), which every later webhook carries.</summary>
public sealed record TagVerb(JsonElement Data) : Verb
{
    public override string Name => "tag";
}
