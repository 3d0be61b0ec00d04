using System.Text.Json;

namespace Switchboard.Calls.Verbs;

/// <summary>
/// Streams the caller's audio to an agent's WebSocket and, when <see cref="Bidirectional"/>, plays the agent's audio
/// back into the call (jambonz <c>listen</c>, alias <c>stream</c>; Twilio media streams with
/// <see cref="StreamWireFormat.Twilio"/>). It runs until the agent closes or says <c>disconnect</c>, a finishing key,
/// <see cref="MaxLength"/>, <see cref="SilenceTimeout"/>, a connection failure or the call's end; then the result, with
/// the reason, goes to <see cref="ActionHook"/>.
/// </summary>
/// <param name="Url">The agent's <c>ws</c> or <c>wss</c> URL.</param>
public sealed record ListenVerb(Uri Url) : Verb
{
    /// <summary>Sample rates the caller's audio may be sent at (jambonz's set).</summary>
    public static readonly IReadOnlyList<int> SampleRates = [8000, 16000, 24000, 48000, 64000];

    public override string Name => "listen";

    /// <summary>Where the result is posted when the stream ends; its answer replaces the verbs left.</summary>
    public string? ActionHook { get; init; }

    /// <summary>HTTP Basic credentials for the WebSocket handshake (jambonz <c>wsAuth</c>).</summary>
    public ListenCredentials? Credentials { get; init; }

    /// <summary>Which audio goes to the agent.</summary>
    public ListenMixType MixType { get; init; } = ListenMixType.Mono;

    /// <summary>The rate of the linear PCM sent to the agent (the Twilio format is always 8 kHz µ-law).</summary>
    public int SampleRate { get; init; } = 8000;

    /// <summary>Seconds of caller silence that end the stream; null: silence never ends it.</summary>
    public TimeSpan? SilenceTimeout { get; init; }

    /// <summary>The longest the stream may run; null: until something else ends it.</summary>
    public TimeSpan? MaxLength { get; init; }

    /// <summary>Keys that end the stream (any of them); empty: none.</summary>
    public string FinishOnKeys { get; init; } = string.Empty;

    /// <summary>Whether the caller's keys are sent to the agent as JSON text frames.</summary>
    public bool PassDtmf { get; init; }

    /// <summary>Whether a short beep plays before the stream starts.</summary>
    public bool PlayBeep { get; init; }

    /// <summary>The application's own members, added to the first text frame (jambonz) or the start event's <c>customParameters</c> (Twilio).</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>Whether the agent's audio is played into the call (jambonz <c>bidirectionalAudio.enabled</c>).</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>Whether the agent streams binary L16 frames rather than sending whole <c>playAudio</c> clips (jambonz <c>bidirectionalAudio.streaming</c>).</summary>
    public bool Streaming { get; init; }

    /// <summary>The rate of the agent's binary frames; null: <see cref="SampleRate"/>.</summary>
    public int? ReturnSampleRate { get; init; }

    /// <summary>The messages on the wire: jambonz's (the default) or Twilio media streams'.</summary>
    public StreamWireFormat WireFormat { get; init; } = StreamWireFormat.Jambonz;
}
