using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Streams;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// jambonz's <c>listen</c> protocol (subprotocol <c>audio.jambonz.org</c>): a first text frame of JSON metadata (the
/// call's description as jambonz writes it, <c>callSid</c>, <c>accountSid</c>, <c>direction</c>, <c>from</c>,
/// <c>to</c>, <c>callStatus</c>, <c>callId</c>, <c>parentCallSid</c>, <c>customerData</c>; then <c>sampleRate</c>,
/// <c>mixType</c> and the verb's <c>metadata</c> members), then binary frames of
/// little-endian 16-bit PCM. The agent sends JSON commands, <c>{"type": ..., "data": {...}}</c>: <c>playAudio</c>
/// (<c>audioContent</c> base64 raw L16 at <c>sampleRate</c>), <c>killAudio</c>, <c>disconnect</c>, <c>mark</c>
/// (<c>name</c>) and <c>clearMarks</c>; in streaming mode also binary L16 frames at the return sample rate. Keys go to it
/// as <c>{"event": "dtmf", "dtmf": "5"}</c>, a mark reached as <c>{"type": "mark", "data": {"name", "event": "playout"}}</c>
/// (<c>"cleared"</c> when killAudio dropped the audio before it), and once a <c>playAudio</c>'s audio has played (or
/// was killed) <c>{"type": "playDone", "data": {"id"}}</c> with the <c>id</c> it carried, as jambonz tells the agent.
/// </summary>
internal sealed class JambonzWire(ListenVerb listen, CallSnapshot call) : IStreamWire
{
    private readonly WireBuffers _send = new();
    private readonly WireBuffers _receive = new();

    public string? SubProtocol => "audio.jambonz.org";

    public int SampleRate => listen.SampleRate;

    public StreamEncoding Encoding => StreamEncoding.Linear16;

    public ValueTask SendStartAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var json = _send.BeginJson();
        // jambonz writes its call description here in camelCase (its CallInfo), unlike its webhooks' snake_case.
        json.WriteStartObject();
        json.WriteString("callSid", call.Sid);
        json.WriteString("accountSid", call.AccountSid);
        json.WriteString("direction", call.Direction);
        json.WriteString("from", call.From);
        json.WriteString("to", call.To);
        json.WriteString("callStatus", call.Status.ToWire());
        if (call.SipCallId is { } callId)
        {
            json.WriteString("callId", callId);
        }

        if (call.ParentCallSid is { } parent)
        {
            json.WriteString("parentCallSid", parent);
        }

        if (call.Tag is { ValueKind: JsonValueKind.Object } tag)
        {
            json.WritePropertyName("customerData");
            tag.WriteTo(json);
        }

        json.WriteNumber("sampleRate", listen.SampleRate);
        json.WriteString("mixType", listen.MixType.ToString().ToLowerInvariant());
        if (listen.Metadata is { ValueKind: JsonValueKind.Object } metadata)
        {
            foreach (var member in metadata.EnumerateObject())
            {
                member.WriteTo(json);
            }
        }

        json.WriteEndObject();
        return socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public ValueTask SendAudioAsync(WebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);

    public ValueTask SendEventAsync(WebSocket socket, StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        var json = _send.BeginJson();
        json.WriteStartObject();
        switch (streamEvent)
        {
            case DtmfStreamEvent dtmf:
                json.WriteString("event", "dtmf");
                json.WriteString("dtmf", dtmf.Key.ToString());
                break;
            case MarkStreamEvent mark:
                json.WriteString("type", "mark");
                json.WriteStartObject("data");
                json.WriteString("name", mark.Name);
                json.WriteString("event", mark.Cleared ? "cleared" : "playout");
                json.WriteEndObject();
                break;
            case PlayDoneStreamEvent done:
                json.WriteString("type", "playDone");
                json.WriteStartObject("data");
                if (done.Id is { } id)
                {
                    json.WriteString("id", id);
                }

                json.WriteEndObject();
                break;
        }

        json.WriteEndObject();
        return socket.SendAsync(_send.EndJson(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public ValueTask SendStopAsync(WebSocket socket, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void OnBinary(ReadOnlySpan<byte> data, IAgentCommands commands)
    {
        // Binary audio back is jambonz's streaming mode; without it jambonz ignores such frames, and so do we.
        if (listen.Bidirectional && listen.Streaming)
        {
            commands.PlayLinear16(data, listen.ReturnSampleRate ?? listen.SampleRate);
        }
    }

    public void OnText(ReadOnlySpan<byte> json, IAgentCommands commands)
    {
        var reader = new Utf8JsonReader(json);
        var type = string.Empty;
        var audio = ReadOnlySpan<byte>.Empty;
        var hasAudio = false;
        var sampleRate = listen.ReturnSampleRate ?? listen.SampleRate;
        string? name = null;
        string? id = null;
        var inData = false;
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
                    inData = reader.ValueTextEquals("data"u8);
                    var isType = reader.ValueTextEquals("type"u8);
                    reader.Read();
                    if (isType && reader.TokenType == JsonTokenType.String)
                    {
                        type = TypeName(ref reader);
                    }
                    else if (!(inData && reader.TokenType == JsonTokenType.StartObject))
                    {
                        inData = false;
                        reader.Skip();
                    }
                }
                else if (reader.CurrentDepth == 2 && inData)
                {
                    if (reader.ValueTextEquals("audioContent"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        audio = _receive.DecodeBase64(ref reader, out hasAudio);
                        if (!hasAudio)
                        {
                            commands.Malformed("playAudio's audioContent is not base64");
                            return;
                        }
                    }
                    else if (reader.ValueTextEquals("sampleRate"u8) && reader.Read())
                    {
                        sampleRate = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var rate) && ListenVerb.SampleRates.Contains(rate) ? rate : 0;
                    }
                    else if (reader.ValueTextEquals("name"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        name = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("id"u8) && reader.Read() && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                    {
                        id = reader.TokenType == JsonTokenType.String ? reader.GetString() : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            commands.Malformed("a message is not JSON: " + exception.Message);
            return;
        }

        Apply(type, audio, hasAudio, sampleRate, name, id, commands);
    }

    private void Apply(string type, ReadOnlySpan<byte> audio, bool hasAudio, int sampleRate, string? name, string? id, IAgentCommands commands)
    {
        switch (type)
        {
            case "playAudio" when !listen.Bidirectional:
                break;
            case "playAudio" when !hasAudio:
                commands.Malformed("playAudio has no audioContent");
                break;
            case "playAudio" when sampleRate == 0:
                commands.Malformed($"playAudio's sampleRate must be one of {string.Join(", ", ListenVerb.SampleRates)}");
                break;
            case "playAudio":
                commands.PlayLinear16(audio, sampleRate);
                commands.PlayDone(id);
                break;
            case "killAudio":
                commands.KillAudio();
                break;
            case "disconnect":
                commands.Disconnect();
                break;
            case "mark" when name is not null:
                commands.Mark(name);
                break;
            case "clearMarks":
                commands.ClearMarks();
                break;
        }
    }

    /// <summary>The command's name as one of the known constants, so reading it allocates nothing.</summary>
    private static string TypeName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("playAudio"u8) ? "playAudio"
        : reader.ValueTextEquals("killAudio"u8) ? "killAudio"
        : reader.ValueTextEquals("disconnect"u8) ? "disconnect"
        : reader.ValueTextEquals("mark"u8) ? "mark"
        : reader.ValueTextEquals("clearMarks"u8) ? "clearMarks"
        : "other";
}
