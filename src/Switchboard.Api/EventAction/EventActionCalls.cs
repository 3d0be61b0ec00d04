using Switchboard.Calls.Engine;
using Switchboard.Media.Amd;
using Switchboard.Media.Speech;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.EventAction;

/// <summary>
/// Makes what runs one event/action call, outbound or inbound: its script source (events out, actions in) and its
/// DROPPED sink over a durable queue of its own.
/// </summary>
public sealed class EventActionCalls(WebhookOutbox outbox, SpeechSynthesizerRegistry speech, TimeProvider timeProvider)
{
    /// <summary>
    /// Seed 004 promises VMDETECTED within 5 to 7 seconds of the answer: a detection still undecided at 7 s is given
    /// up (and posts nothing).
    /// </summary>
    public static readonly AmdOptions VoicemailDetection = AmdOptions.Default with { DecisionTimeout = TimeSpan.FromSeconds(7) };

    /// <summary>The script and sink of a call whose events go to <paramref name="context"/>'s callback URL.</summary>
    /// <param name="recordingSid">The whole-call recording's sid, named in DROPPED; null when the call is not recorded.</param>
    public (EventActionScriptSource Script, ICallEventSink Sink, WebhookQueue Queue) Prepare(EventActionContext context, string? recordingSid)
    {
        var reader = new ActionReader(new AudioReader(Synthesizer));
        var queue = outbox.OpenQueue();
        return (new EventActionScriptSource(context, reader, outbox, timeProvider), EventActionSink.Durable(context, recordingSid, queue, timeProvider), queue);
    }

    /// <summary>A TTS engine this server has, by seed 004's <c>engine</c> in lower case; null for the default synthesizer.</summary>
    private string? Synthesizer(string engine) => speech.TryGet(engine, out _) ? engine : null;
}
