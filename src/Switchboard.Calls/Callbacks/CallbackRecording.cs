using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine;
using Switchboard.Media.Bridging;
using Switchboard.Media.Recording;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// A session's <c>record</c>: the bridged call as one stereo WAV (<c>leg_A</c> left, <c>leg_B</c> right), stored
/// as a Recording of leg A's call once the file is closed.
/// </summary>
internal sealed class CallbackRecording
{
    private readonly ActiveRecording _recording;

    private CallbackRecording(ActiveRecording recording) => _recording = recording;

    public string Sid => _recording.Sid;

    /// <summary>Starts recording; null (logged) when the server keeps no recordings or the file cannot be made.</summary>
    public static CallbackRecording? Start(RecordingLibrary? library, MediaBridge bridge, string accountSid, string legASid, CallWork work, ILogger logger)
    {
        if (library is null)
        {
            return null;
        }

        ActiveRecording recording;
        try
        {
            recording = library.Start(bridge, new RecordingOptions(string.Empty));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            MediaFeatureLog.RecordingNotStarted(logger, legASid, exception.Message);
            return null;
        }

        // Stored as the session's own work once the file is closed, so the session's loop sees it end.
        work.Run(
            async _ =>
            {
                await StoreWhenClosedAsync(library, recording, accountSid, legASid).ConfigureAwait(false);
                return null;
            },
            error =>
            {
                MediaFeatureLog.RecordingNotStored(logger, error, legASid, recording.Sid);
                return null;
            },
            endsWithOwner: false);
        return new CallbackRecording(recording);
    }

    /// <summary>The bridge came down: close the file (it is then stored).</summary>
    public void Stop() => _recording.Recorder.RequestStop();

    private static async Task StoreWhenClosedAsync(RecordingLibrary library, ActiveRecording recording, string accountSid, string legASid)
    {
        var outcome = await recording.Recorder.Completion.ConfigureAwait(false);
        var reason = outcome.Reason == RecordingEndReason.Failed ? "failed" : "hangup";
        await library.StoreAsync(recording, outcome, accountSid, legASid, RecordingSources.Callback, reason, CancellationToken.None).ConfigureAwait(false);
    }
}
