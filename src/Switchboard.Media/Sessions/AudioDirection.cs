namespace Switchboard.Media.Sessions;

/// <summary>Which way audio flows on a session: what the peer sends us, what we send the peer, or both.</summary>
[Flags]
public enum AudioDirection
{
    /// <summary>The peer's audio, decoded from the RTP we receive.</summary>
    Received = 1,

    /// <summary>Our audio, as it goes into the RTP we send (prompts, bridged audio, silence).</summary>
    Sent = 2,

    /// <summary>Both directions (only for subscribing; a frame is always one or the other).</summary>
    Both = Received | Sent,
}
