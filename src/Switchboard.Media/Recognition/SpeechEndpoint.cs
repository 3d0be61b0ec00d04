namespace Switchboard.Media.Recognition;

/// <summary>What a span of audio changed in a <see cref="SpeechEndpointer"/>.</summary>
public enum SpeechEndpoint
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>The caller started speaking: the moment for barge-in.</summary>
    SpeechStarted,

    /// <summary>The caller stopped speaking for <see cref="EndpointingOptions.MaxSilence"/>: the utterance is whole.</summary>
    UtteranceEnded,

    /// <summary>The utterance reached <see cref="EndpointingOptions.MaxUtterance"/> and was cut.</summary>
    MaxLength,

    /// <summary>Nobody spoke within <see cref="EndpointingOptions.NoSpeechTimeout"/>.</summary>
    NoSpeech,
}
