namespace Switchboard.Media.Rtp;

/// <summary>RTCP packet types (RFC 3550 §12.1).</summary>
public static class RtcpPacketType
{
    public const byte SenderReport = 200;
    public const byte ReceiverReport = 201;
    public const byte SourceDescription = 202;
    public const byte Goodbye = 203;
    public const byte ApplicationDefined = 204;

    /// <summary>SDES item type CNAME (§6.5.1).</summary>
    public const byte CnameItem = 1;
}
