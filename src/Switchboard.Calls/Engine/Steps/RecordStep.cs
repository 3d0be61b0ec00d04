using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>record</c> verb: a beep (when asked), then the caller's audio into a file until a finishing key, silence,
/// the maximum length or the end of the call. The file is always stored; then its result goes to the script like
/// any verb's, or, when the call ended meanwhile, straight to the action hook (a caller who hangs up mid-message
/// still leaves one), or nowhere when the verb was left for other verbs. Every decision is made here, on the loop;
/// the recorder's closing and the storing come back as <see cref="StepWorkMessage"/>s addressed to this step.
/// </summary>
internal sealed class RecordStep(RecordVerb record, StepScope scope) : VerbStep(scope)
{
    private readonly StepPlayback _beep = new(scope);
    private Stage _stage = Stage.Beeping;
    private ActiveRecording? _recording;
    private char? _finishKey;
    private bool _left;
    private CallSnapshot? _endedCall;

    private enum Stage
    {
        Beeping,
        Recording,
        Storing,
        Done,
    }

    public override void Start()
    {
        if (record.PlayBeep)
        {
            _beep.Play(RecordingBeep.Clip);
            return;
        }

        StartRecorder();
    }

    public override bool TakesKeys => true;

    public override void OnDigit(char key)
    {
        // Keys while recording end it or are ignored; they are not kept for a gather.
        if (_stage == Stage.Recording && record.FinishOnKeys.Contains(key, StringComparison.Ordinal))
        {
            _finishKey = key;
            _recording!.Recorder.RequestStop();
        }
    }

    public override void OnMessage(VerbStepMessage message)
    {
        if (message is PlaybackEnded && _stage == Stage.Beeping)
        {
            StartRecorder();
        }
    }

    public override void OnOwnMessage(StepWorkMessage message)
    {
        switch (message)
        {
            case RecorderClosed closed:
                Store(closed.Outcome);
                break;
            case RecordingStored { Result: var result }:
                _stage = Stage.Done;
                Deliver(result);
                break;
        }
    }

    /// <summary>Left for other verbs: the file is closed and stored, and its result posted nowhere.</summary>
    public override void Leave()
    {
        _left = true;
        StopAll();
    }

    /// <summary>The call ended: the file is closed and stored, and its result posted to the action hook.</summary>
    public override void OnCallEnded(CallSnapshot endedCall)
    {
        _endedCall = endedCall;
        _left = false;
        StopAll();
    }

    private void StopAll()
    {
        _beep.Stop();
        if (_stage == Stage.Recording)
        {
            _recording!.Recorder.RequestStop();
        }
        else if (_stage == Stage.Beeping)
        {
            _stage = Stage.Done;
        }
    }

    private void StartRecorder()
    {
        _recording = TryStartRecorder();
        if (_recording is null)
        {
            _stage = Stage.Done;
            Runner.Report(this, new RecordResult(record, null, TimeSpan.Zero, string.Empty, RecordEndReason.Failed));
            return;
        }

        _stage = Stage.Recording;
        var recorder = _recording.Recorder;
        Services.Work.Run(
            async _ => new RecorderClosed(this, await recorder.Completion.ConfigureAwait(false)),
            error => new RecorderClosed(this, new RecordingResult(recorder.Path, RecordingEndReason.Failed, recorder.Duration, recorder.Channels, null, error.Message)),
            endsWithOwner: false);
    }

    private ActiveRecording? TryStartRecorder()
    {
        if (Services.Recordings is not { } library)
        {
            return null;
        }

        try
        {
            // The library names the file; the verb sets what ends it. Keys reach this step through the call's loop,
            // like every key, so the recorder itself watches none.
            var limits = new RecordingOptions(string.Empty) { MaxLength = record.MaxLength, SilenceTimeout = record.SilenceTimeout };
            return library.Start(Services.Media, AudioDirection.Received, limits);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException or ArgumentException)
        {
            MediaFeatureLog.RecordingNotStarted(Services.Logger, Services.CallSid, exception.Message);
            return null;
        }
    }

    private void Store(RecordingResult outcome)
    {
        _stage = Stage.Storing;
        var reason = outcome.Reason switch
        {
            RecordingEndReason.Stopped when _finishKey is not null => RecordEndReason.FinishOnKey,
            RecordingEndReason.Silence => RecordEndReason.Timeout,
            RecordingEndReason.MaxLength => RecordEndReason.MaxLength,
            RecordingEndReason.Failed => RecordEndReason.Failed,
            _ => RecordEndReason.Hangup,
        };
        var digits = _finishKey?.ToString() ?? string.Empty;
        var storedReason = reason switch
        {
            RecordEndReason.Hangup when _left => "stopped",
            RecordEndReason.FinishOnKey => "finishOnKey",
            RecordEndReason.Timeout => "timeout",
            RecordEndReason.MaxLength => "maxLength",
            RecordEndReason.Failed => "failed",
            _ => "hangup",
        };
        var recording = _recording!;
        var library = Services.Recordings!;
        var call = Services.Host.Snapshot();
        Services.Work.Run(
            async _ =>
            {
                var stored = await library.StoreAsync(recording, outcome, call.AccountSid, call.Sid, RecordingSources.Verb, storedReason, CancellationToken.None).ConfigureAwait(false);
                return new RecordingStored(this, new RecordResult(record, stored ? recording.Sid : null, outcome.Duration, digits, reason));
            },
            _ => new RecordingStored(this, new RecordResult(record, null, outcome.Duration, digits, reason)),
            endsWithOwner: false);
    }

    private void Deliver(RecordResult result)
    {
        if (_endedCall is { } endedCall)
        {
            // The call is over, so the hook's answer has nothing left to run; it is posted for the application's sake.
            var logger = Services.Logger;
            var callSid = Services.CallSid;
            LateResults.Deliver(Services, endedCall, result, error => MediaFeatureLog.RecordingHookFailed(logger, callSid, error));
        }
        else if (!_left)
        {
            Runner.Report(this, result);
        }
    }
}
