using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Audio that replaces a session's player on its outgoing stream (e.g. the other leg of a bridge). Read on
/// the clock thread, one 20 ms frame per tick: write the frame already encoded in <paramref name="codec"/>
/// and return true, or return false to send silence (nothing buffered). Must not block or allocate.
/// </summary>
internal interface IOutgoingAudioSource
{
    bool TryReadFrame(Span<byte> payload, G711Codec codec);
}
