namespace Switchboard.Media.Sdp;

/// <summary>The direction attributes of RFC 4566 §6 / RFC 3264 §5.1; <c>sendrecv</c> when none is given.</summary>
public enum MediaDirection
{
    SendReceive,
    SendOnly,
    ReceiveOnly,
    Inactive,
}
