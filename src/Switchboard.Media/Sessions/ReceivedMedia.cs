using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sessions;

/// <summary>
/// What the receive loop expects from the peer after offer/answer: its audio payload type and codec, its
/// RFC 4733 payload type (-1 when it declared none), and whether its audio must be searched for DTMF tones
/// (a peer without telephone-event can only send keys in-band).
/// </summary>
internal sealed record ReceivedMedia(int PayloadType, G711Codec Codec, int TelephoneEventPayloadType)
{
    public bool DetectsTones => TelephoneEventPayloadType < 0;
}
