using System.Net.WebSockets;
using Switchboard.Media.Streams;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// One wire format of a media stream: what goes to the agent (a start, audio frames, events, a stop) and how the
/// agent's messages read. Sends come from the stream's one send loop, reads from its one receive loop.
/// </summary>
internal interface IStreamWire
{
    /// <summary>The WebSocket subprotocol the handshake asks for, if any.</summary>
    string? SubProtocol { get; }

    /// <summary>The rate the caller's audio is captured at.</summary>
    int SampleRate { get; }

    StreamEncoding Encoding { get; }

    ValueTask SendStartAsync(WebSocket socket, CancellationToken cancellationToken);

    /// <summary>One captured frame, as the capture encoded it.</summary>
    ValueTask SendAudioAsync(WebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    ValueTask SendEventAsync(WebSocket socket, StreamEvent streamEvent, CancellationToken cancellationToken);

    /// <summary>What the format says before it closes (Twilio's <c>stop</c>); nothing for jambonz.</summary>
    ValueTask SendStopAsync(WebSocket socket, CancellationToken cancellationToken);

    void OnText(ReadOnlySpan<byte> json, IAgentCommands commands);

    void OnBinary(ReadOnlySpan<byte> data, IAgentCommands commands);
}
