namespace Switchboard.Media.Recognition;

/// <summary>
/// One speech-to-text engine. It is handed a whole utterance, cut by Switchboard's own endpointing
/// (<see cref="SpeechEndpointer"/>), so every engine answers after the same silence and a cloud engine is sent
/// only the words. Implementations are thread-safe: many calls recognise at once.
/// </summary>
public interface ISpeechRecognizer
{
    /// <summary>The vendor name applications use for this engine (jambonz <c>recognizer.vendor</c>).</summary>
    string Vendor { get; }

    /// <summary>Recognises one utterance of 8 kHz, 16-bit mono audio, as the caller's line carried it.</summary>
    /// <exception cref="SpeechRecognitionException">The engine failed, refused or is misconfigured; the message says why.</exception>
    Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<short> utterance, RecognitionRequest request, CancellationToken cancellationToken);
}
