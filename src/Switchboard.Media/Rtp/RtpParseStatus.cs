namespace Switchboard.Media.Rtp;

/// <summary>Why a datagram was or was not accepted as RTP (RFC 3550 §5.1, with the validity checks of Appendix A.1).</summary>
public enum RtpParseStatus
{
    Success,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    BadVersion,

    /// <summary>The CSRC list or header extension runs past the end of the datagram.</summary>
    TruncatedHeader,

    /// <summary>The padding count is zero or larger than the payload (RFC 3550 §5.1, P bit).</summary>
    BadPadding,
}
