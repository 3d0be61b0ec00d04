using Switchboard.Media.Audio;

namespace Switchboard.Media.Speech;

/// <summary>
/// Turns text into audio: the seam where cloud TTS vendors plug in beside espeak-ng. Implementations are
/// chosen by <see cref="Vendor"/> through <see cref="SpeechSynthesizerRegistry"/>.
/// </summary>
public interface ISpeechSynthesizer
{
    /// <summary>The name an API's <c>speech_synthesis_vendor</c> (jambonz <c>synthesizer.vendor</c>) uses for this engine, e.g. <c>espeak-ng</c>.</summary>
    string Vendor { get; }

    /// <exception cref="SpeechSynthesisException">The engine failed or is missing.</exception>
    ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);
}
