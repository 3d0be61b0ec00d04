using System.Buffers.Binary;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Reads a 16-bit PCM WAV as the test's own parser (RIFF chunks, <c>fmt </c>, <c>data</c>), so a recording is
/// judged without the server's reader: its format, its length and how loud each channel is, 20 ms at a time.
/// </summary>
internal sealed record WavInspection(int Channels, int SampleRate, int BitsPerSample, short[][] ChannelSamples)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)ChannelSamples[0].Length / SampleRate);

    public static WavInspection Read(byte[] file)
    {
        Assert.True(file.Length >= 44, "too short for a WAV file");
        Assert.Equal("RIFF"u8.ToArray(), file[..4]);
        Assert.Equal("WAVE"u8.ToArray(), file[8..12]);
        int channels = 0, rate = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(file, offset, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 4));
            var body = file.AsSpan(offset + 8, Math.Min(size, file.Length - offset - 8));
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(body));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (id == "data")
            {
                Assert.True(channels > 0, "data before fmt");
                var frames = body.Length / (2 * channels);
                var samples = new short[channels][];
                for (var c = 0; c < channels; c++)
                {
                    samples[c] = new short[frames];
                }

                for (var i = 0; i < frames; i++)
                {
                    for (var c = 0; c < channels; c++)
                    {
                        samples[c][i] = BinaryPrimitives.ReadInt16LittleEndian(body[(((i * channels) + c) * 2)..]);
                    }
                }

                return new WavInspection(channels, rate, bits, samples);
            }

            offset += 8 + size + (size & 1);
        }

        throw new Xunit.Sdk.XunitException("no data chunk");
    }

    /// <summary>The RMS level of each 20 ms frame of one channel.</summary>
    public double[] FrameLevels(int channel)
    {
        var frame = SampleRate / 50;
        var samples = ChannelSamples[channel];
        var levels = new double[samples.Length / frame];
        for (var f = 0; f < levels.Length; f++)
        {
            double sum = 0;
            for (var i = f * frame; i < (f + 1) * frame; i++)
            {
                sum += (double)samples[i] * samples[i];
            }

            levels[f] = Math.Sqrt(sum / frame);
        }

        return levels;
    }
}
