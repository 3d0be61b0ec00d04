namespace Switchboard.Media.Streams;

/// <summary>What a media stream carries to its agent.</summary>
public enum StreamChannels
{
    /// <summary>What the peer says, one channel.</summary>
    Received,

    /// <summary>Two interleaved channels: what the peer says (left) and what the session sends (right).</summary>
    Stereo,

    /// <summary>Both summed into one channel.</summary>
    Mixed,
}
