using Switchboard.Media.Audio;

namespace Switchboard.Media.Speech;

/// <summary>Turns text into audio; the seam where cloud TTS vendors plug in beside espeak-ng.</summary>
public interface ISpeechSynthesizer
{
    ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);
}
