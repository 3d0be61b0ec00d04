using Switchboard.Storage.Recordings;

namespace Switchboard.Api.V1.Recordings;

/// <summary>
/// A recording as <c>GET .../Recordings</c> shows it: <c>duration</c> in seconds, <c>size</c> in bytes,
/// <c>source</c> <c>record</c> (the verb) or <c>call</c> (<c>record_all_calls</c>), and where to fetch the WAV.
/// </summary>
public sealed record RecordingResponse(
    string Sid,
    string CallSid,
    string AccountSid,
    double Duration,
    int Channels,
    long Size,
    string Status,
    string Source,
    string? Reason,
    DateTimeOffset CreatedAt,
    string MediaUrl)
{
    public static RecordingResponse From(RecordingRecord recording, string mediaUrl) => new(
        recording.Sid,
        recording.CallSid,
        recording.AccountSid,
        Math.Round(recording.Duration.TotalSeconds, 3),
        recording.Channels,
        recording.Size,
        recording.Status,
        recording.Source,
        recording.Reason,
        recording.CreatedAt,
        mediaUrl);
}
