using System.Buffers.Binary;
using System.Text;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class WavReaderTests
{
    [Fact]
    public void Read_SkipsUnknownChunksAndFindsFmtAndData()
    {
        var wav = Build(22050, 1, [1, -2, 3], extraChunk: true, dataSize: null);

        var audio = WavReader.Read(wav);

        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(new short[] { 1, -2, 3 }, audio.Samples);
    }

    [Fact]
    public void Read_TakesWhatIsThereWhenAStreamingWriterLeftTheSizeUnknown()
    {
        var wav = Build(22050, 1, [5, 6], extraChunk: false, dataSize: 0x7FFFF000);

        Assert.Equal(new short[] { 5, 6 }, WavReader.Read(wav).Samples);
    }

    [Fact]
    public void Read_DownmixesStereo()
    {
        var wav = Build(8000, 2, [100, 300, -100, -300], extraChunk: false, dataSize: null);

        Assert.Equal(new short[] { 200, -200 }, WavReader.Read(wav).Samples);
    }

    [Fact]
    public void Read_RejectsWhatIsNotWav()
    {
        Assert.Throws<WavFormatException>(() => WavReader.Read("not a wav file at all"u8));
        Assert.Throws<WavFormatException>(() => WavReader.Read(Build(8000, 1, [], extraChunk: false, dataSize: null, bits: 12)));
    }

    private static byte[] Build(int rate, int channels, short[] samples, bool extraChunk, uint? dataSize, int bits = 16)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(0u);
        writer.Write("WAVE"u8);
        if (extraChunk)
        {
            writer.Write("LIST"u8);
            writer.Write(3u);
            writer.Write(new byte[] { 1, 2, 3, 0 }); // odd size, padded
        }

        writer.Write("fmt "u8);
        writer.Write(16u);
        writer.Write((ushort)1);
        writer.Write((ushort)channels);
        writer.Write(rate);
        writer.Write(rate * channels * 2);
        writer.Write((ushort)(channels * 2));
        writer.Write((ushort)bits);
        writer.Write("data"u8);
        writer.Write(dataSize ?? (uint)(samples.Length * 2));
        foreach (var sample in samples)
        {
            writer.Write(sample);
        }

        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
