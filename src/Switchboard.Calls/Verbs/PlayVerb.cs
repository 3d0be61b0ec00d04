namespace Switchboard.Calls.Verbs;

/// <summary>
/// Plays an audio file fetched from <paramref name="Url"/> (WAV or MP3), <paramref name="Loop"/> times. With
/// <paramref name="BargeIn"/> a key stops it and jumps to the next gather.
/// </summary>
public sealed record PlayVerb(Uri Url, int Loop, bool BargeIn) : Verb
{
    public override string Name => "play";
}
