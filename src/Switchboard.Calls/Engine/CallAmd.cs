using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Media.Amd;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Answering-machine detection on an answered call: an <see cref="AmdTap"/> on the callee's audio, and the
/// events posted to the hook one at a time, in the order detected (a later event waits for the earlier one's
/// answer, and for the recognition of the greeting a decision carries). An answer with verbs replaces those running.
/// Lives on the call's loop.
/// </summary>
internal sealed class CallAmd : IDisposable
{
    private readonly Channel<(CallSnapshot Call, Task<AmdReport[]> Reports)> _pending =
        Channel.CreateUnbounded<(CallSnapshot, Task<AmdReport[]>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly AmdTap _tap;
    private readonly MediaSession _media;
    private readonly IAmdHook _hook;
    private readonly string _callSid;
    private readonly ILogger _logger;
    private readonly AmdGreeting? _greeting;
    private bool _detached;

    private CallAmd(AmdTap tap, MediaSession media, IAmdHook hook, AmdGreeting? greeting, string callSid, ILogger logger)
    {
        _tap = tap;
        _greeting = greeting;
        _media = media;
        _hook = hook;
        _callSid = callSid;
        _logger = logger;
    }

    /// <summary>Starts listening to the callee, or returns null when the call asked for no detection.</summary>
    /// <param name="greeting">Recognises the greeting of a decision (the settings name a recognizer); null for none.</param>
    public static CallAmd? Start(
        AmdSettings? settings, AmdGreeting? greeting, MediaSession media, ChannelWriter<CallMessage> inbox, CallWork work, TimeProvider time, string callSid, ILogger logger)
    {
        if (settings is null)
        {
            return null;
        }

        var tap = new AmdTap(new AnsweringMachineDetector(settings.Options, logger), inbox, time, greeting is null ? 0 : AmdGreeting.MaxSamples);
        try
        {
            media.AddAudioTap(tap, AudioDirection.Received);
        }
        catch (ObjectDisposedException closed)
        {
            tap.Dispose();
            MediaFeatureLog.AmdNotStarted(logger, callSid, closed.Message);
            return null;
        }

        var amd = new CallAmd(tap, media, settings.Hook, greeting, callSid, logger);
        // The hook posts run as the call's own work: the call's loop waits for those already owed when it ends.
        work.Run(
            async _ =>
            {
                await amd.PostInOrderAsync(inbox).ConfigureAwait(false);
                return null;
            },
            static _ => null,
            endsWithOwner: false);
        return amd;
    }

    /// <summary>Call loop: one message from the tap or the hook; <paramref name="call"/> is the call now.</summary>
    public void Handle(AmdMessage message, CallSnapshot call, VerbRunner? verbs)
    {
        switch (message)
        {
            case AmdDetected { Event: var detected } amdDetected:
                MediaFeatureLog.AmdDetected(_logger, _callSid, detected.Kind.ToString(), detected.Reason.ToString(), detected.At.TotalSeconds);
                // The recognition runs while earlier events are posted; the post loop awaits it in its turn.
                var reports = _greeting is not null && amdDetected.Greeting is { } audio
                    ? _greeting.ReportAsync(detected, audio)
                    : Task.FromResult<AmdReport[]>([AmdReport.Of(detected)]);
                _pending.Writer.TryWrite((call, reports));
                break;
            case AmdCompleted:
                Detach();
                break;
            case AmdVerbsArrived { Verbs: var replacement }:
                verbs?.Replace(replacement);
                break;
        }
    }

    /// <summary>The call ended: stop listening; events already detected are still posted.</summary>
    public void Dispose()
    {
        Detach();
        _pending.Writer.TryComplete();
    }

    private void Detach()
    {
        if (_detached)
        {
            return;
        }

        _detached = true;
        _media.RemoveAudioTap(_tap);
        _tap.Dispose();
    }

    private async Task PostInOrderAsync(ChannelWriter<CallMessage> inbox)
    {
        await foreach (var (call, reports) in _pending.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var report in await reports.ConfigureAwait(false))
            {
                await PostAsync(inbox, call, report).ConfigureAwait(false);
            }
        }
    }

    private async Task PostAsync(ChannelWriter<CallMessage> inbox, CallSnapshot call, AmdReport report)
    {
        if (report.Error is { } error)
        {
            MediaFeatureLog.AmdGreetingNotRecognized(_logger, _callSid, error);
        }

        try
        {
            var verbs = await _hook.OnAmdReportAsync(call, report, CancellationToken.None).ConfigureAwait(false);
            if (verbs is { Count: > 0 })
            {
                inbox.TryWrite(new AmdVerbsArrived(verbs));
            }
        }
        catch (Exception exception)
        {
            MediaFeatureLog.AmdHookFailed(_logger, _callSid, exception.Message);
        }
    }
}
