namespace Switchboard.Media.Recognition;

/// <summary>What a recognition is asked for: the language, and phrases that bias or constrain what is heard.</summary>
/// <param name="Language">A BCP 47 tag such as <c>en-US</c>.</param>
public sealed record RecognitionRequest(string Language)
{
    /// <summary>Phrases the caller is expected to say (the answers to the question asked).</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>How strongly the hints weigh, where the engine has such a knob (jambonz <c>hintsBoost</c>).</summary>
    public double? HintsBoost { get; init; }

    /// <summary>Other languages the caller may speak, where the engine can choose between them.</summary>
    public IReadOnlyList<string> AlternativeLanguages { get; init; } = [];

    /// <summary>The engine's model, when it has several; null for its default.</summary>
    public string? Model { get; init; }
}
