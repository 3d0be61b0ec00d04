namespace Switchboard.Calls.Verbs;

/// <summary>
/// Changes the call's defaults for the verbs that follow (the speech synthesizer and recognizer) and starts or stops
/// its background work: a barge-in gather, a transcription, a media stream, answering-machine detection, the call's
/// recording.
/// </summary>
public sealed record ConfigVerb(SpeechDefaults? Synthesizer) : Verb
{
    public override string Name => "config";

    /// <summary>The recognizer options gathers and transcriptions use from here on; null keeps them.</summary>
    public RecognizerOptions? Recognizer { get; init; }

    /// <summary>Turns the background barge-in gather on (replacing one that runs) or off; null leaves it as it is.</summary>
    public BargeInConfig? BargeIn { get; init; }

    /// <summary>Starts a background transcription (replacing one that runs) or stops it; null leaves it as it is.</summary>
    public TranscribeConfig? Transcribe { get; init; }

    /// <summary>Starts a background media stream to an agent (replacing one that runs) or stops it; null leaves it as it is.</summary>
    public ListenConfig? Listen { get; init; }

    /// <summary>Starts, stops, pauses or resumes the call's own recording (jambonz <c>record</c>, type <c>cloud</c>); null leaves it.</summary>
    public CallRecordingAction? Record { get; init; }

    /// <summary>Where transfers the peer asks for (incoming REFERs) are posted from now on; null leaves it.</summary>
    public string? ReferHook { get; init; }

    /// <summary>
    /// Where the requests the peer sends inside the dialog (INFO, MESSAGE) are posted from now on (jambonz's
    /// <c>sipRequestWithinDialogHook</c>); null leaves it.
    /// </summary>
    public string? PeerRequestHook { get; init; }

    /// <summary>Starts answering-machine detection on the call; null starts none.</summary>
    public AmdConfig? Amd { get; init; }

    /// <summary>Whether it starts something that listens to the caller, so an inbound call must be answered first.</summary>
    public bool StartsListening => BargeIn?.Gather is not null || Transcribe?.Transcribe is not null || Amd is not null
        || Listen?.Listen is not null;
}
