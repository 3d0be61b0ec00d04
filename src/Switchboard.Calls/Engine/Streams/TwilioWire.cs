using System.Buffers.Text;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Streams;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// Twilio's media streams protocol, so agents written for Twilio connect unchanged: JSON text frames only. To the
/// agent: <c>connected</c>, <c>start</c> (stream and call sids, <c>tracks</c>, <c>customParameters</c> from the verb's
/// <c>metadata</c>, <c>mediaFormat</c> audio/x-mulaw 8000 Hz mono), then a <c>media</c> event per frame
/// (<c>track</c>, <c>chunk</c>, <c>timestamp</c> in ms, base64 µ-law <c>payload</c>), <c>dtmf</c>, <c>mark</c> (a mark
/// reached or cleared) and <c>stop</c>; each numbered by <c>sequenceNumber</c>. From the agent: <c>media</c> (base64
/// µ-law to play), <c>mark</c> and <c>clear</c>. A media frame is written without allocating.
/// </summary>
internal sealed class TwilioWire(ListenVerb listen, CallSnapshot call) : IStreamWire
{
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText SequenceNumber = JsonEncodedText.Encode("sequenceNumber");
    private static readonly JsonEncodedText StreamSidName = JsonEncodedText.Encode("streamSid");
    private static readonly JsonEncodedText MediaEvent = JsonEncodedText.Encode("media");
    private static readonly JsonEncodedText Track = JsonEncodedText.Encode("track");
    private static readonly JsonEncodedText Chunk = JsonEncodedText.Encode("chunk");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Payload = JsonEncodedText.Encode("payload");
    private static readonly JsonEncodedText Inbound = JsonEncodedText.Encode("inbound");

    private readonly WireBuffers _send = new();
    private readonly WireBuffers _receive = new();
    private readonly JsonEncodedText _streamSid = JsonEncodedText.Encode("MZ" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
    private long _sequence;
    private long _chunk;
    private long _samplesSent;

    /// <summary>The stream's id, as every event carries it.</summary>
    public string StreamSid => _streamSid.Value;

    public string? SubProtocol => null;

    public int SampleRate => 8000;

    public StreamEncoding Encoding => StreamEncoding.MuLaw;

    public async ValueTask SendStartAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var json = _send.BeginJson();
        json.WriteStartObject();
        json.WriteString(EventName, "connected");
        json.WriteString("protocol", "Call");
        json.WriteString("version", "1.0.0");
        json.WriteEndObject();
        await socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);

        json = Begin("start");
        json.WriteStartObject("start");
        json.WriteString(StreamSidName, _streamSid);
        json.WriteString("accountSid", call.AccountSid);
        json.WriteString("callSid", call.Sid);
        json.WriteStartArray("tracks");
        json.WriteStringValue("inbound");
        json.WriteEndArray();
        json.WriteStartObject("customParameters");
        if (listen.Metadata is { ValueKind: JsonValueKind.Object } metadata)
        {
            foreach (var member in metadata.EnumerateObject())
            {
                member.WriteTo(json);
            }
        }

        json.WriteEndObject();
        json.WriteStartObject("mediaFormat");
        json.WriteString("encoding", "audio/x-mulaw");
        json.WriteNumber("sampleRate", 8000);
        json.WriteNumber("channels", 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SendAudioAsync(WebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var json = Begin(MediaEvent);
        json.WriteStartObject(MediaEvent);
        json.WriteString(Track, Inbound);
        WriteNumberString(json, Chunk, ++_chunk);
        WriteNumberString(json, Timestamp, _samplesSent / 8);
        json.WriteBase64String(Payload, frame.Span);
        json.WriteEndObject();
        json.WriteEndObject();
        _samplesSent += frame.Length;
        return socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public ValueTask SendEventAsync(WebSocket socket, StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        switch (streamEvent)
        {
            case DtmfStreamEvent dtmf:
                var json = Begin("dtmf");
                json.WriteStartObject("dtmf");
                json.WriteString("track", "inbound_track");
                json.WriteString("digit", dtmf.Key.ToString());
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case MarkStreamEvent mark:
                json = Begin("mark");
                json.WriteStartObject("mark");
                json.WriteString("name", mark.Name);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            default:
                return ValueTask.CompletedTask;
        }

        return socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public ValueTask SendStopAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var json = Begin("stop");
        json.WriteStartObject("stop");
        json.WriteString("accountSid", call.AccountSid);
        json.WriteString("callSid", call.Sid);
        json.WriteEndObject();
        json.WriteEndObject();
        return socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Twilio's agents send text only; a binary frame is not part of the protocol and is ignored.</summary>
    public void OnBinary(ReadOnlySpan<byte> data, IAgentCommands commands)
    {
    }

    public void OnText(ReadOnlySpan<byte> json, IAgentCommands commands)
    {
        var reader = new Utf8JsonReader(json);
        var kind = Kind.Other;
        var payload = ReadOnlySpan<byte>.Empty;
        var hasPayload = false;
        string? name = null;
        var section = Kind.Other;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    var isEvent = reader.ValueTextEquals("event"u8);
                    section = reader.ValueTextEquals("media"u8) ? Kind.Media : reader.ValueTextEquals("mark"u8) ? Kind.Mark : Kind.Other;
                    reader.Read();
                    if (isEvent && reader.TokenType == JsonTokenType.String)
                    {
                        kind = reader.ValueTextEquals("media"u8) ? Kind.Media
                            : reader.ValueTextEquals("mark"u8) ? Kind.Mark
                            : reader.ValueTextEquals("clear"u8) ? Kind.Clear
                            : Kind.Other;
                    }
                    else if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        section = Kind.Other;
                        reader.Skip();
                    }
                }
                else if (reader.CurrentDepth == 2 && section == Kind.Media && reader.ValueTextEquals("payload"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    payload = _receive.DecodeBase64(ref reader, out hasPayload);
                    if (!hasPayload)
                    {
                        commands.Malformed("a media payload is not base64");
                        return;
                    }
                }
                else if (reader.CurrentDepth == 2 && section == Kind.Mark && reader.ValueTextEquals("name"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    name = reader.GetString();
                }
            }
        }
        catch (JsonException exception)
        {
            commands.Malformed("a message is not JSON: " + exception.Message);
            return;
        }

        switch (kind)
        {
            case Kind.Media when hasPayload && listen.Bidirectional:
                commands.PlayMuLaw(payload);
                break;
            case Kind.Mark when name is not null:
                commands.Mark(name);
                break;
            case Kind.Clear:
                commands.KillAudio();
                break;
        }
    }

    private Utf8JsonWriter Begin(string eventName) => Begin(JsonEncodedText.Encode(eventName));

    private Utf8JsonWriter Begin(JsonEncodedText eventName)
    {
        var json = _send.BeginJson();
        json.WriteStartObject();
        json.WriteString(EventName, eventName);
        WriteNumberString(json, SequenceNumber, ++_sequence);
        json.WriteString(StreamSidName, _streamSid);
        return json;
    }

    /// <summary>Twilio writes its counters as strings.</summary>
    private static void WriteNumberString(Utf8JsonWriter json, JsonEncodedText name, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        json.WriteString(name, digits[..length]);
    }

    private enum Kind
    {
        Other,
        Media,
        Mark,
        Clear,
    }
}
