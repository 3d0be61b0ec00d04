namespace Switchboard.Storage.Recordings;

/// <summary>
/// A finished recording of a call: a 16-bit 8 kHz WAV in <see cref="RecordingFiles"/>, named by <see cref="Sid"/>.
/// </summary>
/// <param name="Sid">The recording's id, also its file name.</param>
/// <param name="AccountSid">The account of the call.</param>
/// <param name="CallSid">The call it was made on.</param>
/// <param name="Source"><see cref="RecordingSources.Verb"/> or <see cref="RecordingSources.WholeCall"/>.</param>
/// <param name="Status"><see cref="RecordingStatuses.Completed"/> or <see cref="RecordingStatuses.Failed"/>.</param>
/// <param name="Reason">Why it ended (<c>finishOnKey</c>, <c>timeout</c>, <c>maxLength</c>, <c>hangup</c>, ...), if known.</param>
/// <param name="Channels">1 (the caller) or 2 (caller left, our side right).</param>
/// <param name="Duration">The audio in the file.</param>
/// <param name="Size">The file's size in bytes, header included.</param>
/// <param name="CreatedAt">When the recording ended and was stored.</param>
public sealed record RecordingRecord(
    string Sid,
    string AccountSid,
    string CallSid,
    string Source,
    string Status,
    string? Reason,
    int Channels,
    TimeSpan Duration,
    long Size,
    DateTimeOffset CreatedAt);
