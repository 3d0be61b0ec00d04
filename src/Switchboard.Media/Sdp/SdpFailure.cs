namespace Switchboard.Media.Sdp;

/// <summary>Why a remote session description cannot be used for a call.</summary>
public enum SdpFailure
{
    /// <summary>Not parseable as RFC 4566.</summary>
    Malformed,

    /// <summary>No RTP/AVP audio stream.</summary>
    NoAudio,

    /// <summary>The audio stream has port 0: the peer rejected it (RFC 3264 §6).</summary>
    AudioRejected,

    /// <summary>None of the offered payload types is PCMU or PCMA.</summary>
    NoCommonCodec,

    /// <summary>No <c>c=</c> line applies, or its address is not an IP literal.</summary>
    NoConnectionAddress,
}
