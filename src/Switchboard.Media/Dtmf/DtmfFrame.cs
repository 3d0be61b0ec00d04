namespace Switchboard.Media.Dtmf;

/// <summary>What <see cref="DtmfSender"/> wants sent on one clock tick.</summary>
internal enum DtmfFrame
{
    /// <summary>No key is being sent: the stream carries its normal audio.</summary>
    None,

    /// <summary>A telephone-event packet (RFC 4733) with the payload written.</summary>
    Event,

    /// <summary>An audio frame holding the key's two tones (for a peer without telephone-event).</summary>
    Tone,

    /// <summary>Silence between keys; the normal audio stays paused.</summary>
    Pause,
}
