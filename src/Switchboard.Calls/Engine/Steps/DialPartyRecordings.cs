using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A connected dial's <see cref="Verbs.DialVerb.RecordParties"/>: what each party says (the received audio of the
/// dialling call and of the leg), each into a mono Recording of its own, stored under the dialling call once both
/// files are closed. The storing is the call's own work; its end comes back to the dial as a
/// <see cref="DialRecordingsStored"/>, even after the call ended.
/// </summary>
internal sealed class DialPartyRecordings
{
    private readonly ActiveRecording[] _recordings;

    private DialPartyRecordings(ActiveRecording[] recordings) => _recordings = recordings;

    /// <summary>Starts both recordings (the caller's first); null when neither could start (logged) or there is no library.</summary>
    public static DialPartyRecordings? Start(VerbStep step, StepServices services, MediaSession legMedia)
    {
        if (services.Recordings is not { } library)
        {
            MediaFeatureLog.RecordingNotStarted(services.Logger, services.CallSid, "this server keeps no recordings");
            return null;
        }

        ActiveRecording[] recordings = [.. new[] { services.Media, legMedia }.Select(media => TryStart(library, media, services)).OfType<ActiveRecording>()];
        if (recordings.Length == 0)
        {
            return null;
        }

        var callSid = services.CallSid;
        var accountSid = services.AccountSid;
        var logger = services.Logger;
        services.Work.Run(
            async _ => new DialRecordingsStored(step, await StoreWhenClosedAsync(library, recordings, accountSid, callSid).ConfigureAwait(false)),
            error =>
            {
                MediaFeatureLog.RecordingNotStored(logger, error, callSid, recordings[0].Sid);
                return new DialRecordingsStored(step, []);
            },
            endsWithOwner: false);
        return new DialPartyRecordings(recordings);
    }

    /// <summary>The bridge came down: both files close (then they are stored). Idempotent.</summary>
    public void Stop()
    {
        foreach (var recording in _recordings)
        {
            recording.Recorder.RequestStop();
        }
    }

    private static ActiveRecording? TryStart(RecordingLibrary library, MediaSession media, StepServices services)
    {
        try
        {
            return library.Start(media, AudioDirection.Received, new RecordingOptions(string.Empty));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            MediaFeatureLog.RecordingNotStarted(services.Logger, services.CallSid, exception.Message);
            return null;
        }
    }

    /// <summary>Stores each recording once closed, in order; returns the sids of those stored.</summary>
    private static async Task<IReadOnlyList<string>> StoreWhenClosedAsync(RecordingLibrary library, ActiveRecording[] recordings, string accountSid, string callSid)
    {
        var stored = new List<string>();
        foreach (var recording in recordings)
        {
            var outcome = await recording.Recorder.Completion.ConfigureAwait(false);
            var reason = outcome.Reason == RecordingEndReason.Failed ? "failed" : "hangup";
            if (await library.StoreAsync(recording, outcome, accountSid, callSid, RecordingSources.Verb, reason, CancellationToken.None).ConfigureAwait(false))
            {
                stored.Add(recording.Sid);
            }
        }

        return stored;
    }
}
