namespace Switchboard.Calls.Verbs;

/// <summary>
/// Speaks text <see cref="Loop"/> times. With <paramref name="BargeIn"/> a key press stops the speech and
/// jumps to the next gather. Unset voice settings come from the call's <see cref="SpeechDefaults"/>.
/// </summary>
public sealed record SayVerb(string Text, string? Language, string? Gender, string? Voice, bool BargeIn) : Verb
{
    public override string Name => "say";

    public int Loop { get; init; } = 1;

    /// <summary>The TTS vendor (<c>speech_synthesis_vendor</c>); the call's default when null.</summary>
    public string? Vendor { get; init; }
}
