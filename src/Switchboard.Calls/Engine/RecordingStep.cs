using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine;

/// <summary>
/// One run of a <c>record</c> verb: the recorder on the caller's audio, the key that ended it, and what happens
/// once the recorder has closed the file. The file is always stored. Then either the call's loop gets the
/// result (<see cref="RecordingFinished"/>) and posts it like any verb result, or, when the call has ended
/// meanwhile, this step posts it to the action hook itself: a caller who hangs up mid-message still leaves one.
/// Which of the two happens is settled by one atomic hand-off, so the result is posted exactly once.
/// </summary>
internal sealed class RecordingStep
{
    private const int Live = 0;
    private const int Reported = 1;
    private const int CallEnded = 2;
    private const int Abandoned = 3;
    private const int Handled = 4;

    private readonly RecordVerb _verb;
    private readonly ActiveRecording _recording;
    private readonly RecordingLibrary _library;
    private readonly CallSnapshot _call;
    private readonly ILogger _logger;
    private int _state;
    private int _key = -1;
    private RecordResult? _result;
    private IScriptSource? _script;
    private CallSnapshot? _endedCall;

    private RecordingStep(RecordVerb verb, ActiveRecording recording, RecordingLibrary library, CallSnapshot call, ILogger logger)
    {
        _verb = verb;
        _recording = recording;
        _library = library;
        _call = call;
        _logger = logger;
    }

    public string RecordingSid => _recording.Sid;

    /// <summary>
    /// Starts recording the caller; the result comes back as <see cref="RecordingFinished"/> with
    /// <paramref name="generation"/>. Null (logged) when no recording could be started.
    /// </summary>
    public static RecordingStep? TryStart(
        RecordVerb verb, MediaSession media, RecordingLibrary library, CallSnapshot call, ChannelWriter<CallMessage> inbox, int generation, ILogger logger)
    {
        ActiveRecording recording;
        try
        {
            // The library names the file; the verb sets what ends it.
            var limits = new RecordingOptions(string.Empty)
            {
                MaxLength = verb.MaxLength,
                SilenceTimeout = verb.SilenceTimeout,
                TerminationKeys = verb.FinishOnKeys,
            };
            recording = library.Start(media, AudioDirection.Received, limits);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException or ArgumentException)
        {
            MediaFeatureLog.RecordingNotStarted(logger, call.Sid, exception.Message);
            return null;
        }

        var step = new RecordingStep(verb, recording, library, call, logger);
        _ = step.CompleteAsync(inbox, generation);
        return step;
    }

    /// <summary>Call loop: a key arrived by SIP INFO (RFC 4733 and in-band keys reach the recorder directly).</summary>
    public void OnKey(char key)
    {
        if (Volatile.Read(ref _state) == Live && _verb.FinishOnKeys.Contains(key, StringComparison.Ordinal))
        {
            Volatile.Write(ref _key, key);
            _ = _recording.Recorder.StopAsync();
        }
    }

    /// <summary>Call loop: the loop has taken the result; nothing more is owed.</summary>
    public void MarkHandled() => Volatile.Write(ref _state, Handled);

    /// <summary>Call loop: the verb was left (a redirect or new verbs): stop and store, but post nothing.</summary>
    public void Abandon()
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, Live) == Live)
        {
            _ = _recording.Recorder.StopAsync();
        }
    }

    /// <summary>
    /// Call loop, as the call ends: finish the recording and post its result to the action hook with
    /// <paramref name="endedCall"/>, unless the loop already did.
    /// </summary>
    public void OnCallEnded(CallSnapshot endedCall, IScriptSource script)
    {
        _endedCall = endedCall;
        _script = script;
        switch (Interlocked.CompareExchange(ref _state, CallEnded, Live))
        {
            case Live:
                _ = _recording.Recorder.StopAsync();
                break;
            case Reported:
                // The result was on its way to a loop that has stopped reading.
                Volatile.Write(ref _state, CallEnded);
                _ = PostAfterHangupAsync(_result!);
                break;
        }
    }

    private async Task CompleteAsync(ChannelWriter<CallMessage> inbox, int generation)
    {
        var outcome = await _recording.Recorder.Completion.ConfigureAwait(false);
        var state = Volatile.Read(ref _state);
        var key = Volatile.Read(ref _key);
        var reason = outcome.Reason switch
        {
            RecordingEndReason.TerminationKey => RecordEndReason.FinishOnKey,
            RecordingEndReason.Stopped when key >= 0 => RecordEndReason.FinishOnKey,
            RecordingEndReason.Silence => RecordEndReason.Timeout,
            RecordingEndReason.MaxLength => RecordEndReason.MaxLength,
            RecordingEndReason.Failed => RecordEndReason.Failed,
            _ => RecordEndReason.Hangup,
        };
        var digits = outcome.Key?.ToString() ?? (key >= 0 ? ((char)key).ToString() : string.Empty);
        var stored = await _library.StoreAsync(
            _recording, outcome, _call.AccountSid, _call.Sid, RecordingSources.Verb, StoredReason(reason, state), CancellationToken.None).ConfigureAwait(false);
        _result = new RecordResult(_verb, stored ? _recording.Sid : null, outcome.Duration, digits, reason);
        switch (Interlocked.CompareExchange(ref _state, Reported, Live))
        {
            case Live:
                inbox.TryWrite(new RecordingFinished(generation, _result));
                break;
            case CallEnded:
                await PostAfterHangupAsync(_result).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The call is over, so the hook's answer has nothing left to run; it is posted for the application's sake.</summary>
    private async Task PostAfterHangupAsync(RecordResult result)
    {
        try
        {
            await _script!.OnVerbResultAsync(_endedCall!, result, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            MediaFeatureLog.RecordingHookFailed(_logger, _call.Sid, exception.Message);
        }
    }

    private static string StoredReason(RecordEndReason reason, int state) => reason switch
    {
        RecordEndReason.Hangup when state == Abandoned => "stopped",
        RecordEndReason.FinishOnKey => "finishOnKey",
        RecordEndReason.Timeout => "timeout",
        RecordEndReason.MaxLength => "maxLength",
        RecordEndReason.Failed => "failed",
        _ => "hangup",
    };
}
