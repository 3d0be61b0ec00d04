namespace Switchboard.Media.Recognition;

/// <summary>
/// What an engine heard in one utterance: its alternatives, best first (none when it heard no words), and the
/// language it recognised.
/// </summary>
public sealed record RecognitionResult(string Language, IReadOnlyList<RecognitionAlternative> Alternatives)
{
    /// <summary>The best alternative's words; empty when nothing was recognised.</summary>
    public string Transcript => Alternatives.Count > 0 ? Alternatives[0].Transcript : "";
}

/// <summary>One reading of an utterance and the engine's confidence in it, from 0 to 1.</summary>
public sealed record RecognitionAlternative(string Transcript, double Confidence);
