namespace Switchboard.Media.Sessions;

/// <summary>
/// Listens to a session's audio as 8 kHz, 16-bit linear PCM, mono (for recording, answering-machine
/// detection, in-band tones). <see cref="AudioDirection.Received"/> frames come on the session's receive
/// loop, one per audio packet from the peer, as long as that packet (usually 20 ms; nothing while the peer
/// is silent or packets are lost). <see cref="AudioDirection.Sent"/> frames come on the media clock thread,
/// one 20 ms frame per tick, silence included. Either way: copy what you need and return at once, without
/// blocking or allocating; the span is reused after the call.
/// </summary>
public interface IAudioTap
{
    void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples);
}
