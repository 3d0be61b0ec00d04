using Microsoft.Extensions.Logging;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine;

/// <summary>
/// An application's <c>record_all_calls</c>: the call from answer to end (or to the request's
/// <see cref="CallRequest.RecordLimit"/>) as one stereo WAV (the callee on the left, what we send on the right),
/// stored as a Recording of the call, under the request's <see cref="CallRequest.RecordingSid"/> when it names one,
/// once the file is closed.
/// </summary>
internal sealed class WholeCallRecording
{
    private readonly ActiveRecording _recording;

    private WholeCallRecording(ActiveRecording recording) => _recording = recording;

    /// <summary>Starts recording when the request asks for it; null otherwise, or (logged) when the file cannot be made.</summary>
    public static WholeCallRecording? Start(CallRequest request, RecordingLibrary? library, MediaSession media, CallSnapshot call, CallWork work, ILogger logger)
    {
        if (!request.RecordAll || library is null)
        {
            return null;
        }

        // A limit of zero is no limit (a dialect's "0: until it ends").
        var limit = request.RecordLimit > TimeSpan.Zero ? request.RecordLimit : null;
        ActiveRecording recording;
        try
        {
            recording = library.Start(media, AudioDirection.Both, new RecordingOptions(string.Empty) { MaxLength = limit }, request.RecordingSid);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException or ArgumentException)
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

    /// <summary>The call ended: close the file (it is then stored); a recording that reached its limit is already closed.</summary>
    public void Stop() => _recording.Recorder.RequestStop();

    private static async Task StoreWhenClosedAsync(RecordingLibrary library, ActiveRecording recording, CallSnapshot call)
    {
        var outcome = await recording.Recorder.Completion.ConfigureAwait(false);
        var reason = outcome.Reason switch
        {
            RecordingEndReason.Failed => "failed",
            RecordingEndReason.MaxLength => "maxLength",
            _ => "hangup",
        };
        await library.StoreAsync(recording, outcome, call.AccountSid, call.Sid, RecordingSources.WholeCall, reason, CancellationToken.None).ConfigureAwait(false);
    }
}
