using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sessions;

/// <summary>The peer's audio stream to search for in-band DTMF: its payload type and how to decode it.</summary>
internal sealed record InbandAudio(int PayloadType, G711Codec Codec);
