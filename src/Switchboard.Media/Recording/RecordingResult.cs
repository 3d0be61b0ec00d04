namespace Switchboard.Media.Recording;

/// <summary>A finished recording: its file (closed and complete), why it ended and how much it holds.</summary>
/// <param name="Path">The WAV file.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="Duration">The audio in the file (paused time excluded).</param>
/// <param name="Channels">1 (mono) or 2 (stereo, one channel per source).</param>
/// <param name="Key">The termination key, when <paramref name="Reason"/> is <see cref="RecordingEndReason.TerminationKey"/>.</param>
/// <param name="Error">Why writing failed, when <paramref name="Reason"/> is <see cref="RecordingEndReason.Failed"/>.</param>
public sealed record RecordingResult(
    string Path, RecordingEndReason Reason, TimeSpan Duration, int Channels, char? Key = null, string? Error = null);
