namespace Switchboard.Media.Recording;

/// <summary>
/// A recording's life: <c>Recording ⇄ Paused → Stopping → Ended</c>. Stopping means an ending was decided
/// and the background writer is finishing the file; Ended means the file is closed and the result is out.
/// </summary>
public enum RecordingState
{
    Recording,
    Paused,
    Stopping,
    Ended,
}
