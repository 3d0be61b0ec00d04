using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Feed;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Media.Speech;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Engine;

/// <summary>The shared machinery every call uses.</summary>
internal sealed record CallServices(
    SipUserAgent Sip,
    MediaEngine Media,
    SpeechSynthesizerRegistry Speech,
    AudioFetcher Audio,
    ICallStore Store,
    TimeProvider Time,
    ILogger Logger,
    IDialLegPlacer Legs)
{
    public PromptRenderer Prompts { get; } = new(Speech, Audio);

    /// <summary>Where recordings go; null when the server keeps none (then <c>record</c> verbs fail).</summary>
    public RecordingLibrary? Recordings { get; init; }

    /// <summary>The engines speech input is recognised with; null when the server has none.</summary>
    public ISpeechRecognizers? Recognizers { get; init; }

    /// <summary>Opens <c>listen</c> streams' WebSockets; null connects without the outbound address guard.</summary>
    public MediaStreamConnector? Streams { get; init; }

    /// <summary>Where each call's status changes are published for live watchers; null publishes nowhere.</summary>
    public CallStatusFeed? StatusFeed { get; init; }
}
