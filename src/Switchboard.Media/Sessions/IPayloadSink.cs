using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Takes the peer's audio payloads as they arrive, still encoded, with the RTP header they came in (e.g. a bridge
/// forwarding them to the other leg). Called on the receive loop for each audio packet: send or copy and return,
/// without blocking or allocating.
/// </summary>
internal interface IPayloadSink
{
    void OnPayload(G711Codec codec, in RtpHeader header, ReadOnlySpan<byte> payload);
}
