using System.Buffers.Binary;

namespace Switchboard.Media.Tests.Audio;

/// <summary>Writes WAVE files byte by byte, including the odd ones real tools produce.</summary>
internal sealed class WavBuilder
{
    private readonly List<(string Id, byte[] Body)> _before = [];

    public ushort Tag { get; init; } = 1;

    public int Channels { get; init; } = 1;

    public int Rate { get; init; } = 8000;

    public int Bits { get; init; } = 16;

    public bool Extensible { get; init; }

    public uint? DataSize { get; init; }

    public WavBuilder Chunk(string id, byte[] body)
    {
        _before.Add((id, body));
        return this;
    }

    public byte[] Build(byte[] data)
    {
        using var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(0u);
        writer.Write("WAVE"u8);
        foreach (var (id, body) in _before)
        {
            WriteChunk(writer, id, body);
        }

        WriteChunk(writer, "fmt ", Format());
        writer.Write("data"u8);
        writer.Write(DataSize ?? (uint)data.Length);
        writer.Write(data);
        writer.Flush();
        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    public static byte[] Pcm16(IEnumerable<short> samples) => [.. samples.SelectMany(s => BitConverter.GetBytes(s))];

    private byte[] Format()
    {
        var blockAlign = Channels * Bits / 8;
        var body = new byte[Extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, Extensible ? (ushort)0xFFFE : Tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)Channels);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), Rate);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), Rate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)Bits);
        if (Extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)Bits);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), Channels == 2 ? 3u : 4u);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(24), Tag);
            byte[] suffix = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            suffix.CopyTo(body, 28);
        }

        return body;
    }

    private static void WriteChunk(BinaryWriter writer, string id, byte[] body)
    {
        writer.Write(System.Text.Encoding.ASCII.GetBytes(id));
        writer.Write((uint)body.Length);
        writer.Write(body);
        if ((body.Length & 1) == 1)
        {
            writer.Write((byte)0);
        }
    }
}
