namespace Switchboard.Media.Recording;

/// <summary>Why a recording ended.</summary>
public enum RecordingEndReason
{
    /// <summary><see cref="MediaRecorder.StopAsync"/> was called.</summary>
    Stopped,

    /// <summary><see cref="RecordingOptions.MaxLength"/> was reached.</summary>
    MaxLength,

    /// <summary>No sound for <see cref="RecordingOptions.SilenceTimeout"/>.</summary>
    Silence,

    /// <summary>A recorded session received one of <see cref="RecordingOptions.TerminationKeys"/>.</summary>
    TerminationKey,

    /// <summary>A recorded session was closed (the leg hung up).</summary>
    SessionClosed,

    /// <summary>The media engine shut down.</summary>
    EngineStopped,

    /// <summary>The file could not be written; <see cref="RecordingResult.Error"/> says why. What was flushed stays readable.</summary>
    Failed,
}
