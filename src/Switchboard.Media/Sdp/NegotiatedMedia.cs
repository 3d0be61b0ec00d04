using System.Net;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>What offer/answer settled: where to send, how to encode, and how the peer sends digits.</summary>
/// <param name="Codec">The audio codec both sides support.</param>
/// <param name="PayloadType">The payload type the peer uses for <paramref name="Codec"/> (normally its static number).</param>
/// <param name="RemoteEndPoint">Where RTP goes.</param>
/// <param name="TelephoneEventPayloadType">The RFC 4733 payload type, or null when the peer did not offer telephone-event.</param>
/// <param name="RemoteDirection">The direction attribute the peer declared.</param>
public sealed record NegotiatedMedia(
    G711Codec Codec,
    int PayloadType,
    IPEndPoint RemoteEndPoint,
    int? TelephoneEventPayloadType,
    MediaDirection RemoteDirection);
