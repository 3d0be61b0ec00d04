namespace Switchboard.Calls.Verbs;

/// <summary>
/// Transcribes the caller continuously (jambonz <c>transcribe</c>): each utterance, recognised, is posted to
/// <paramref name="TranscriptionHook"/>. It runs until the call ends or new verbs replace it.
/// </summary>
public sealed record TranscribeVerb(string TranscriptionHook, RecognizerOptions Recognizer) : Verb
{
    public override string Name => "transcribe";
}
