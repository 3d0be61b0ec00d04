using System.Buffers.Binary;

namespace Switchboard.SpeechBench;

/// <summary>Reads and writes 16-bit mono PCM WAV, the only format the corpus uses.</summary>
static class WavFile
{
    public static (short[] Samples, int Rate) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var rate = 0;
        var channels = 0;
        var bits = 0;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, at, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
            var body = at + 8;
            if (id == "fmt ")
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 14));
            }
            else if (id == "data")
            {
                if (channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"{path}: {channels} channel(s) of {bits} bits, expected mono 16-bit");
                }

                // espeak-ng writing to a pipe leaves the size at its maximum: take what is there.
                var length = Math.Min(size < 0 ? int.MaxValue : size, bytes.Length - body) / 2;
                var samples = new short[length];
                for (var i = 0; i < length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2 * i));
                }

                return (samples, rate);
            }

            at = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path}: no data chunk");
    }

    public static void Write(string path, ReadOnlySpan<short> samples, int rate)
    {
        var bytes = new byte[44 + 2 * samples.Length];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + 2 * samples.Length);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], 2 * samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], samples[i]);
        }

        File.WriteAllBytes(path, bytes);
    }
}
