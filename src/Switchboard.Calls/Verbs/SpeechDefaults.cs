namespace Switchboard.Calls.Verbs;

/// <summary>
/// The synthesizer a <see cref="SayVerb"/> uses when it names none itself. Null members leave the previous
/// value in place, so a <c>config</c> verb may change only the voice.
/// </summary>
public sealed record SpeechDefaults(string? Vendor, string? Language, string? Voice, string? Gender)
{
    public static SpeechDefaults None { get; } = new(null, null, null, null);

    /// <summary>These defaults with every member <paramref name="update"/> sets replaced.</summary>
    public SpeechDefaults With(SpeechDefaults update) => new(
        update.Vendor ?? Vendor, update.Language ?? Language, update.Voice ?? Voice, update.Gender ?? Gender);
}
