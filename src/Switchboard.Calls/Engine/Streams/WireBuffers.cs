using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// The reusable buffers a wire format reads and writes with: one JSON writer over one output buffer, and grow-only
/// scratch space for unescaping and base64-decoding an agent's audio. After the first messages nothing is allocated.
/// One send loop writes and one receive loop reads, so each half has its own.
/// </summary>
internal sealed class WireBuffers
{
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private byte[] _unescaped = new byte[4096];
    private byte[] _decoded = new byte[4096];

    public WireBuffers() => Json = new Utf8JsonWriter(_output);

    /// <summary>The send loop's writer; <see cref="BeginJson"/> before each message.</summary>
    public Utf8JsonWriter Json { get; }

    public Utf8JsonWriter BeginJson()
    {
        _output.ResetWrittenCount();
        Json.Reset(_output);
        return Json;
    }

    /// <summary>The message written since <see cref="BeginJson"/>.</summary>
    public ReadOnlyMemory<byte> EndJson()
    {
        Json.Flush();
        return _output.WrittenMemory;
    }

    /// <summary>
    /// Receive loop: the bytes of the base64 string at the reader's current token, decoded. Empty when the string is
    /// not valid base64.
    /// </summary>
    public ReadOnlySpan<byte> DecodeBase64(scoped ref Utf8JsonReader reader, out bool valid)
    {
        ReadOnlySpan<byte> text;
        if (reader.ValueIsEscaped)
        {
            Grow(ref _unescaped, reader.ValueSpan.Length);
            text = _unescaped.AsSpan(0, reader.CopyString(_unescaped));
        }
        else
        {
            text = reader.ValueSpan;
        }

        Grow(ref _decoded, Base64.GetMaxDecodedFromUtf8Length(text.Length));
        valid = Base64.DecodeFromUtf8(text, _decoded, out _, out var written) == OperationStatus.Done;
        return valid ? _decoded.AsSpan(0, written) : [];
    }

    private static void Grow(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, buffer.Length * 2)];
        }
    }
}
