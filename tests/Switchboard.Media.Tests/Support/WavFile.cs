using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Media.Tests.Support;

/// <summary>A strict reader for the files the recorder writes: checks every header field, returns the samples per channel.</summary>
internal sealed record WavFile(int Channels, int SampleRate, int DeclaredDataBytes, short[][] ChannelSamples)
{
    public int Frames => ChannelSamples[0].Length;

    public static WavFile Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return Parse(data);
    }

    public static WavFile Parse(byte[] data)
    {
        Assert.True(data.Length >= 44, "shorter than a WAV header");
        Assert.Equal("RIFF", Encoding.ASCII.GetString(data, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(data, 8, 4));
        Assert.Equal("fmt ", Encoding.ASCII.GetString(data, 12, 4));
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(20)));
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(22));
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(24));
        Assert.Equal((uint)(rate * channels * 2), BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(28)));
        Assert.Equal(channels * 2, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(34)));
        Assert.Equal("data", Encoding.ASCII.GetString(data, 36, 4));
        var dataBytes = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(40));
        Assert.Equal((uint)(36 + dataBytes), BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4)));
        Assert.True(44 + dataBytes <= data.Length, $"the header claims {dataBytes} data bytes, the file holds {data.Length - 44}");
        Assert.Equal(0, dataBytes % (channels * 2));

        var frames = dataBytes / (channels * 2);
        var samples = new short[channels][];
        for (var c = 0; c < channels; c++)
        {
            samples[c] = new short[frames];
            for (var i = 0; i < frames; i++)
            {
                samples[c][i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(44 + (((i * channels) + c) * 2)));
            }
        }

        return new WavFile(channels, rate, dataBytes, samples);
    }

    /// <summary>The channel without the whole 20 ms frames of silence the recorder puts where no audio arrived.</summary>
    public short[] WithoutSilentFrames(int channel) =>
        [.. ChannelSamples[channel].Chunk(160).Where(f => f.Any(s => s != 0)).SelectMany(f => f)];
}
