using System.Buffers.Binary;

namespace Switchboard.Media.Recognition.OpenAi;

/// <summary>
/// An utterance as the WAV file the transcription API takes: RIFF WAVE with one <c>fmt </c> chunk (PCM, mono,
/// 16-bit, 8 kHz, the caller's line as it was heard) and one <c>data</c> chunk, little-endian as RIFF requires.
/// The layout is the one recordings are written in (<c>Recording/WavFileWriter</c>), built in memory since the
/// whole utterance is at hand.
/// </summary>
internal static class UtteranceWav
{
    public const int SampleRate = 8000;

    /// <summary>RIFF header (12) + fmt chunk (8 + 16) + data chunk header (8).</summary>
    public const int HeaderLength = 44;

    public static byte[] Encode(ReadOnlySpan<short> samples)
    {
        var dataBytes = samples.Length * sizeof(short);
        var file = new byte[HeaderLength + dataBytes];
        var header = file.AsSpan(0, HeaderLength);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(file.Length - 8));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], SampleRate * sizeof(short));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], sizeof(short));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
        var data = file.AsSpan(HeaderLength);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data[(i * sizeof(short))..], samples[i]);
        }

        return file;
    }
}
