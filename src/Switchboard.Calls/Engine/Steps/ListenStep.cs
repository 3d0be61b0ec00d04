using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>listen</c> (<c>stream</c>): a beep when asked, then the call's audio streamed to the agent and the agent's audio
/// played into the call until the agent closes or disconnects, a finishing key, <c>maxLength</c>, the silence
/// <c>timeout</c>, a failure, or the call's end. The stream runs as the call's work and its end comes back as a
/// <see cref="ListenStreamEnded"/> addressed to this step; the result then goes to the script (or, when the call ended
/// meanwhile, straight to the action hook; nowhere when the verb was left for other verbs). A stream that fails to
/// connect, stalls or breaks ends only the verb: the call goes on with the next one.
/// </summary>
internal sealed class ListenStep(ListenVerb listen, StepScope scope) : VerbStep(scope)
{
    private readonly StepPlayback _beep = new(scope);
    private AgentStream? _stream;
    private long _startedAt;
    private string _digits = string.Empty;
    private bool _left;
    private CallSnapshot? _endedCall;

    private bool _paused;

    /// <summary>Live control (<c>listen_status</c>): while paused nothing the caller says reaches the agent.</summary>
    public bool Paused
    {
        get => _paused;
        set
        {
            _paused = value;
            if (_stream is { } stream)
            {
                stream.Capture.Paused = value;
            }
        }
    }

    public override bool TakesKeys => listen.FinishOnKeys.Length > 0 || listen.PassDtmf;

    public override void Start()
    {
        if (listen.PlayBeep)
        {
            _beep.Play(RecordingBeep.Clip);
            return;
        }

        Connect();
    }

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case PlaybackEnded when _stream is null && !_left && _endedCall is null:
                Connect();
                break;
            case VerbTimerElapsed:
                CheckLimits();
                break;
        }
    }

    public override void OnDigit(char key)
    {
        if (listen.FinishOnKeys.Contains(key, StringComparison.Ordinal) && _stream is { } stream)
        {
            _digits = key.ToString();
            stream.Stop(ListenEndReason.FinishOnKey);
        }
        else if (listen.PassDtmf)
        {
            _stream?.SendDtmf(key);
        }
        else if (!TakesKeys)
        {
            base.OnDigit(key);
        }
    }

    public override void OnOwnMessage(StepWorkMessage message)
    {
        if (message is not ListenStreamEnded ended)
        {
            return;
        }

        if (ended.Reason is ListenEndReason.ConnectFailure or ListenEndReason.Stall or ListenEndReason.Error)
        {
            StreamLog.Failed(Services.Logger, Services.CallSid, listen.Url.GetLeftPart(UriPartial.Path), ended.Reason.ToString(), ended.Error);
        }

        var result = new ListenResult(listen, ended.Reason, ended.Duration, _digits, ended.Error);
        if (_endedCall is { } endedCall)
        {
            if (listen.ActionHook is not null)
            {
                var logger = Services.Logger;
                var callSid = Services.CallSid;
                LateResults.Deliver(Services, endedCall, result, error => StreamLog.HookFailed(logger, callSid, error));
            }
        }
        else if (!_left)
        {
            Runner.Report(this, result);
        }
    }

    /// <summary>Left for other verbs: the stream closes and its result is posted nowhere.</summary>
    public override void Leave()
    {
        _left = true;
        _beep.Stop();
        _stream?.Stop(ListenEndReason.Left);
    }

    /// <summary>The call ended: the stream closes and its result goes to the action hook.</summary>
    public override void OnCallEnded(CallSnapshot endedCall)
    {
        _endedCall = endedCall;
        _beep.Stop();
        _stream?.Stop(ListenEndReason.Hangup);
    }

    private void Connect()
    {
        var call = Services.Host.Snapshot();
        IStreamWire wire = listen.WireFormat == StreamWireFormat.Twilio ? new TwilioWire(listen, call) : new JambonzWire(listen, call);
        var stream = new AgentStream(listen, wire, Services.Media, Services.CallSid, Services.Time, Services.Logger);
        stream.Capture.Paused = _paused;
        _stream = stream;
        var connector = Services.Streams ?? MediaStreamConnector.Unguarded;
        Services.Work.Run(
            async token => new ListenStreamEnded(this, await stream.RunAsync(connector, token).ConfigureAwait(false), stream.Duration, stream.Error),
            error => new ListenStreamEnded(this, ListenEndReason.Error, stream.Duration, error.Message));
        _startedAt = Services.Time.GetTimestamp();
        ArmTimer();
    }

    /// <summary>The verb's one timer wakes it at the next moment a limit could be reached.</summary>
    private void ArmTimer()
    {
        TimeSpan? due = null;
        if (listen.MaxLength is { } maxLength)
        {
            due = maxLength - Services.Time.GetElapsedTime(_startedAt);
        }

        if (listen.SilenceTimeout is { } silence && _stream is { } stream)
        {
            var untilSilence = silence - stream.Capture.SilentFor;
            due = due is { } soonest && soonest < untilSilence ? soonest : untilSilence;
        }

        if (due is { } wait)
        {
            Services.Timer.Arm(wait > TimeSpan.FromMilliseconds(50) ? wait : TimeSpan.FromMilliseconds(50), new VerbTimerElapsed(Generation));
        }
    }

    private void CheckLimits()
    {
        if (_stream is not { } stream)
        {
            return;
        }

        if (listen.MaxLength is { } maxLength && Services.Time.GetElapsedTime(_startedAt) >= maxLength)
        {
            stream.Stop(ListenEndReason.MaxLength);
        }
        else if (listen.SilenceTimeout is { } silence && stream.Capture.SilentFor >= silence)
        {
            stream.Stop(ListenEndReason.Timeout);
        }
        else
        {
            ArmTimer();
        }
    }
}
