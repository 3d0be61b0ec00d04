namespace Switchboard.Calls.Verbs;

/// <summary>
/// How speech is recognised (jambonz's <c>recognizer</c> object): the engine by vendor and credential label, the
/// language, and the phrases expected. Null members inherit: a verb's options over the call's (a <c>config</c>
/// verb, the call request), those over the application's, those over the server's default engine.
/// </summary>
public sealed record RecognizerOptions(string? Vendor, string? Language, string? Label)
{
    public static RecognizerOptions None { get; } = new(null, null, null);

    /// <summary>Phrases the caller is expected to say: they bias or, for the offline engine, constrain what is heard.</summary>
    public IReadOnlyList<string>? Hints { get; init; }

    /// <summary>How strongly the hints weigh, where the engine has such a knob.</summary>
    public double? HintsBoost { get; init; }

    /// <summary>Other languages the caller may speak.</summary>
    public IReadOnlyList<string>? AlternativeLanguages { get; init; }

    /// <summary>Whether words are reported while an utterance goes on, not only when it is over (jambonz <c>interim</c>).</summary>
    public bool? Interim { get; init; }

    /// <summary>These options with every member <paramref name="update"/> sets replaced.</summary>
    public RecognizerOptions With(RecognizerOptions? update) => update is null ? this : new(
        update.Vendor ?? Vendor, update.Language ?? Language, update.Label ?? Label)
    {
        Hints = update.Hints ?? Hints,
        HintsBoost = update.HintsBoost ?? HintsBoost,
        AlternativeLanguages = update.AlternativeLanguages ?? AlternativeLanguages,
        Interim = update.Interim ?? Interim,
    };
}
