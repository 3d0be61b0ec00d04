namespace Switchboard.Media.Recognition;

/// <summary>Where a <see cref="SpeechEndpointer"/> is.</summary>
public enum EndpointerState
{
    /// <summary>Listening for speech to start.</summary>
    Waiting,

    /// <summary>In an utterance.</summary>
    Speaking,

    /// <summary>Done: no more audio changes anything.</summary>
    Ended,
}
