using System.Buffers.Binary;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Tests.Audio;

public sealed class WavReaderFormatTests
{
    [Fact]
    public void EightBitPcm_IsUnsignedAroundOneTwentyEight()
    {
        var audio = WavReader.Read(new WavBuilder { Bits = 8 }.Build([128, 255, 0, 192]));

        Assert.Equal(new short[] { 0, 127 << 8, -128 << 8, 64 << 8 }, audio.Samples);
    }

    [Fact]
    public void TwentyFourAndThirtyTwoBitPcm_KeepTheTopSixteenBits()
    {
        byte[] data24 = [0xFF, 0x34, 0x12, 0x00, 0x00, 0x80];
        byte[] data32 = [0, 0, 0x34, 0x12, 0, 0, 0x00, 0x80];

        Assert.Equal(new short[] { 0x1234, short.MinValue }, WavReader.Read(new WavBuilder { Bits = 24 }.Build(data24)).Samples);
        Assert.Equal(new short[] { 0x1234, short.MinValue }, WavReader.Read(new WavBuilder { Bits = 32 }.Build(data32)).Samples);
    }

    [Fact]
    public void FloatPcm_IsScaledAndClamped()
    {
        var data = new byte[16];
        float[] values = [0.5f, -1f, 2f, float.NaN];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
        }

        var audio = WavReader.Read(new WavBuilder { Tag = 3, Bits = 32 }.Build(data));

        Assert.Equal(new short[] { 16384, -32767, 32767, 0 }, audio.Samples);
    }

    [Theory]
    [InlineData((ushort)7)]
    [InlineData((ushort)6)]
    public void G711_IsDecodedWithItsLaw(ushort tag)
    {
        short[] original = [0, 1000, -1000, 12000, -30000];
        var encoded = new byte[original.Length];
        (tag == 7 ? G711Codec.Pcmu : G711Codec.Pcma).Encode(original, encoded);

        var audio = WavReader.Read(new WavBuilder { Tag = tag, Bits = 8 }.Build(encoded));

        var expected = new short[encoded.Length];
        (tag == 7 ? G711Codec.Pcmu : G711Codec.Pcma).Decode(encoded, expected);
        Assert.Equal(expected, audio.Samples);
    }

    [Theory]
    [InlineData((ushort)1, 16)]
    [InlineData((ushort)3, 32)]
    [InlineData((ushort)7, 8)]
    public void Extensible_UsesTheSubFormatTag(ushort tag, int bits)
    {
        var sample = tag switch { 1 => BitConverter.GetBytes((short)-1234), 3 => BitConverter.GetBytes(0.25f), _ => [MuLaw.Encode(4000)] };

        var audio = WavReader.Read(new WavBuilder { Tag = tag, Bits = bits, Channels = 2, Extensible = true }.Build([.. sample, .. sample]));

        var expected = tag switch { 1 => (short)-1234, 3 => (short)8192, _ => MuLaw.Decode(MuLaw.Encode(4000)) };
        Assert.Equal(expected, Assert.Single(audio.Samples));
    }

    [Fact]
    public void OddChunks_LIST_fact_AndPadBytes_AreSkipped()
    {
        var builder = new WavBuilder { Rate = 44100 }
            .Chunk("LIST", [.. "INFOISFT"u8, 5, 0, 0, 0, .. "abcd"u8, 0])
            .Chunk("fact", [3, 0, 0, 0])
            .Chunk("junk", [1, 2, 3]);

        var audio = WavReader.Read(builder.Build(WavBuilder.Pcm16([7, -8, 9])));

        Assert.Equal(44100, audio.SampleRate);
        Assert.Equal(new short[] { 7, -8, 9 }, audio.Samples);
    }

    [Fact]
    public void Stereo_IsAveragedToMono()
    {
        var audio = WavReader.Read(new WavBuilder { Channels = 2, Bits = 8 }.Build([128 + 10, 128 + 30, 128 - 10, 128 - 50]));

        Assert.Equal(new short[] { 20 << 8, -30 << 8 }, audio.Samples);
    }

    [Fact]
    public void ATrailingPartialFrame_IsDropped()
    {
        var audio = WavReader.Read(new WavBuilder { Channels = 2 }.Build([1, 0, 3, 0, 5, 0]));

        Assert.Equal(new short[] { 2 }, audio.Samples);
    }
}
