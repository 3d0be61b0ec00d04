using Microsoft.Extensions.Logging;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine;

/// <summary>
/// An application's <c>record_all_calls</c>: the call from answer to end as one stereo WAV (the callee on the
/// left, what we send on the right), stored as a Recording of the call once the file is closed.
/// </summary>
internal sealed class WholeCallRecording
{
    private readonly ActiveRecording _recording;

    private WholeCallRecording(ActiveRecording recording) => _recording = recording;

    /// <summary>Starts recording when <paramref name="enabled"/>; null otherwise, or (logged) when the file cannot be made.</summary>
    public static WholeCallRecording? Start(bool enabled, RecordingLibrary? library, MediaSession media, CallSnapshot call, CallWork work, ILogger logger)
    {
        if (!enabled || library is null)
        {
            return null;
        }

        ActiveRecording recording;
        try
        {
            recording = library.Start(media, AudioDirection.Both, new RecordingOptions(string.Empty));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            MediaFeatureLog.RecordingNotStarted(logger, call.Sid, exception.Message);
            return null;
        }

        // Stored as the call's own work once the file is closed, so the call's loop sees it end.
        work.Run(
            async _ =>
            {
                await StoreWhenClosedAsync(library, recording, call).ConfigureAwait(false);
                return null;
            },
            error =>
            {
                MediaFeatureLog.RecordingNotStored(logger, error, call.Sid, recording.Sid);
                return null;
            },
            endsWithOwner: false);
        return new WholeCallRecording(recording);
    }

    /// <summary>The call ended: close the file (it is then stored).</summary>
    public void Stop() => _recording.Recorder.RequestStop();

    private static async Task StoreWhenClosedAsync(RecordingLibrary library, ActiveRecording recording, CallSnapshot call)
    {
        var outcome = await recording.Recorder.Completion.ConfigureAwait(false);
        var reason = outcome.Reason == RecordingEndReason.Failed ? "failed" : "hangup";
        await library.StoreAsync(recording, outcome, call.AccountSid, call.Sid, RecordingSources.WholeCall, reason, CancellationToken.None).ConfigureAwait(false);
    }
}
