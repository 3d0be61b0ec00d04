using Microsoft.Extensions.Logging;
using Switchboard.Media.Bridging;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Where calls' recordings go: it starts a session's recorder on a file named by a new recording sid and, once
/// the recorder has closed the file, stores the row that makes it a Recording of the call.
/// </summary>
public sealed class RecordingLibrary(IRecordingStore store, RecordingFiles files, TimeProvider timeProvider, ILogger<RecordingLibrary> logger)
{
    /// <summary>Starts recording <paramref name="directions"/> of <paramref name="media"/> into a new recording's file.</summary>
    /// <param name="options">Everything but the path, which the library chooses.</param>
    /// <param name="sid">The sid to store the recording under, when a dialect named it in advance; a new one when null.</param>
    /// <exception cref="IOException">The file could not be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The recordings directory is not writable.</exception>
    /// <exception cref="ObjectDisposedException">The session has closed.</exception>
    /// <exception cref="ArgumentException"><paramref name="sid"/> is not a plain name (letters, digits and dashes).</exception>
    internal ActiveRecording Start(MediaSession media, AudioDirection directions, RecordingOptions options, string? sid = null)
    {
        sid ??= Guid.NewGuid().ToString();
        var recorder = media.StartRecording(options with { Path = files.PathOf(sid) }, directions);
        return new ActiveRecording(sid, recorder);
    }

    /// <summary>Starts recording a bridged call, one channel per leg (see <see cref="MediaBridge.StartRecording"/>), into a new recording's file.</summary>
    /// <exception cref="IOException">The file could not be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The recordings directory is not writable.</exception>
    /// <exception cref="ObjectDisposedException">A session has closed.</exception>
    internal ActiveRecording Start(MediaBridge bridge, RecordingOptions options)
    {
        var sid = Guid.NewGuid().ToString();
        var recorder = bridge.StartRecording(options with { Path = files.PathOf(sid) });
        return new ActiveRecording(sid, recorder);
    }

    /// <summary>
    /// Stores the finished recording as a row of <paramref name="callSid"/>; false (logged) when the row could
    /// not be written, in which case the file is removed rather than left where nothing can reach it.
    /// </summary>
    internal async Task<bool> StoreAsync(
        ActiveRecording recording, RecordingResult result, string accountSid, string callSid, string source, string reason, CancellationToken cancellationToken)
    {
        try
        {
            var file = new FileInfo(result.Path);
            var record = new RecordingRecord(
                recording.Sid,
                accountSid,
                callSid,
                source,
                result.Reason == RecordingEndReason.Failed ? RecordingStatuses.Failed : RecordingStatuses.Completed,
                reason,
                result.Channels,
                result.Duration,
                file.Exists ? file.Length : 0,
                timeProvider.GetUtcNow());
            await store.CreateAsync(record, cancellationToken).ConfigureAwait(false);
            MediaFeatureLog.RecordingStored(logger, callSid, recording.Sid, reason, result.Duration.TotalSeconds);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MediaFeatureLog.RecordingNotStored(logger, exception, callSid, recording.Sid);
            files.Delete(recording.Sid);
            return false;
        }
    }
}
