namespace Switchboard.Calls.Scripts;

/// <summary>Why a gather stopped listening.</summary>
public enum GatherEndReason
{
    MaxDigits,
    Terminator,
    Timeout,

    /// <summary>The caller spoke and the utterance was recognised (<see cref="GatherResult.Speech"/>).</summary>
    SpeechDetected,

    /// <summary>Speech could not be recognised: the engine failed, timed out or is misconfigured (<see cref="GatherResult.Error"/>).</summary>
    Error,
}
