namespace Switchboard.Calls.Verbs;

/// <summary>Changes the call's defaults for the verbs that follow: the speech synthesizer and recognizer.</summary>
public sealed record ConfigVerb(SpeechDefaults? Synthesizer) : Verb
{
    public override string Name => "config";

    /// <summary>The recognizer options gathers and transcriptions use from here on; null keeps them.</summary>
    public RecognizerOptions? Recognizer { get; init; }
}
