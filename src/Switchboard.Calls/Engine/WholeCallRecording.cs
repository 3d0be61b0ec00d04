using Microsoft.Extensions.Logging;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine;

/// <summary>
/// An application's <c>record_all_calls</c>: the call from answer to end (or to the request's
/// <see cref="CallRequest.RecordLimit"/>) as one stereo WAV (the callee on the left, what we send on the right),
/// stored as a Recording of the call, under the request's <see cref="CallRequest.RecordingSid"/> when it names one,
/// once the file is closed. The application may also start, pause, resume and stop one itself (jambonz's
/// <c>record</c> of type <c>cloud</c>).
/// </summary>
internal sealed class WholeCallRecording
{
    private readonly ActiveRecording _recording;
    private bool _stopped;

    private WholeCallRecording(ActiveRecording recording) => _recording = recording;

    /// <summary>Whether it still records or is paused (not stopped, not closed at its limit).</summary>
    public bool IsOpen => !_recording.Recorder.Completion.IsCompleted && !_stopped;

    /// <summary>Starts recording when the request asks for it; null otherwise, or (logged) when the file cannot be made.</summary>
    public static WholeCallRecording? Start(CallRequest request, RecordingLibrary? library, MediaSession media, CallSnapshot call, CallWork work, ILogger logger) =>
        // A limit of zero is no limit (a dialect's "0: until it ends").
        request.RecordAll
            ? Start(library, media, call, work, logger, request.RecordLimit > TimeSpan.Zero ? request.RecordLimit : null, request.RecordingSid)
            : null;

    /// <summary>
    /// Starts recording, for at most <paramref name="limit"/>, under <paramref name="sid"/> or a new sid; null without a
    /// library, or (logged) when the file cannot be made.
    /// </summary>
    public static WholeCallRecording? Start(RecordingLibrary? library, MediaSession media, CallSnapshot call, CallWork work, ILogger logger, TimeSpan? limit = null, string? sid = null)
    {
        if (library is null)
        {
            return null;
        }

        ActiveRecording recording;
        try
        {
            recording = library.Start(media, AudioDirection.Both, new RecordingOptions(string.Empty) { MaxLength = limit }, sid);
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

    /// <summary>The call ended or the application stopped it: close the file (it is then stored); a recording that reached its limit is already closed.</summary>
    public void Stop()
    {
        _stopped = true;
        _recording.Recorder.RequestStop();
    }

    /// <summary>Leaves out what is said until <see cref="Resume"/>.</summary>
    public void Pause() => _recording.Recorder.Pause();

    public void Resume() => _recording.Recorder.Resume();

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
