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
/// answer). An answer with verbs replaces those running. Lives on the call's loop.
/// </summary>
internal sealed class CallAmd : IDisposable
{
    private readonly Channel<(CallSnapshot Call, AmdEvent Event)> _pending =
        Channel.CreateUnbounded<(CallSnapshot, AmdEvent)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly AmdTap _tap;
    private readonly MediaSession _media;
    private readonly IAmdHook _hook;
    private readonly string _callSid;
    private readonly ILogger _logger;
    private bool _detached;

    private CallAmd(AmdTap tap, MediaSession media, IAmdHook hook, string callSid, ILogger logger)
    {
        _tap = tap;
        _media = media;
        _hook = hook;
        _callSid = callSid;
        _logger = logger;
    }

    /// <summary>Starts listening to the callee, or returns null when the call asked for no detection.</summary>
    public static CallAmd? Start(AmdSettings? settings, MediaSession media, ChannelWriter<CallMessage> inbox, CallWork work, TimeProvider time, string callSid, ILogger logger)
    {
        if (settings is null)
        {
            return null;
        }

        var tap = new AmdTap(new AnsweringMachineDetector(settings.Options, logger), inbox, time);
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

        var amd = new CallAmd(tap, media, settings.Hook, callSid, logger);
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
            case AmdDetected { Event: var detected }:
                MediaFeatureLog.AmdDetected(_logger, _callSid, detected.Kind.ToString(), detected.Reason.ToString(), detected.At.TotalSeconds);
                _pending.Writer.TryWrite((call, detected));
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
        await foreach (var (call, detected) in _pending.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var verbs = await _hook.OnAmdEventAsync(call, detected, CancellationToken.None).ConfigureAwait(false);
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
}
