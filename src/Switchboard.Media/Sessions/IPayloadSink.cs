using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Takes the peer's audio payloads as they arrive, still encoded (e.g. a bridge relaying them to the other
/// leg). Called on the receive loop for each audio packet: copy and return, without blocking or allocating.
/// </summary>
internal interface IPayloadSink
{
    void OnPayload(G711Codec codec, ReadOnlySpan<byte> payload);
}
