namespace Switchboard.Calls.Verbs;

/// <summary>Changes the call's defaults for the verbs that follow: for now the speech synthesizer.</summary>
public sealed record ConfigVerb(SpeechDefaults? Synthesizer) : Verb
{
    public override string Name => "config";
}
