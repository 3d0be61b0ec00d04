using System.Buffers.Binary;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class WavReaderRobustnessTests
{
    private static readonly byte[] s_valid = new WavBuilder { Channels = 2, Rate = 22050 }
        .Chunk("LIST", [1, 2, 3])
        .Build(WavBuilder.Pcm16(Enumerable.Range(0, 64).Select(i => (short)(i * 100))));

    [Fact]
    public void EveryTruncation_IsEitherReadOrATypedError()
    {
        for (var length = 0; length < s_valid.Length; length++)
        {
            var prefix = s_valid.AsSpan(0, length).ToArray();
            var error = Record.Exception(() => WavReader.Read(prefix));
            Assert.True(error is null or WavFormatException, $"prefix of {length} bytes: {error}");
        }
    }

    [Fact]
    public void ADataChunkCutShort_IsTruncated()
    {
        var cut = s_valid.AsSpan(0, s_valid.Length - 10).ToArray();

        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(cut));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomCorruption_OnlyEverRaisesTheTypedError()
    {
        var random = new Random(1234);
        for (var round = 0; round < 20_000; round++)
        {
            var bytes = (byte[])s_valid.Clone();
            var header = Math.Min(bytes.Length, 80);
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(header)] = (byte)random.Next(256);
            }

            var error = Record.Exception(() => WavReader.Read(bytes));
            Assert.True(error is null or WavFormatException, $"round {round}: {error}");
        }
    }

    [Theory]
    [InlineData(0u)] // no channels
    [InlineData(17u)] // too many
    public void AbsurdChannelCounts_AreRefused(uint channels)
    {
        var bytes = (byte[])s_valid.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(FmtOffset() + 2), (ushort)channels);

        Assert.Throws<WavFormatException>(() => WavReader.Read(bytes));
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(3999u)]
    [InlineData(400_000u)]
    [InlineData(0xFFFFFFFFu)]
    public void AbsurdRates_AreRefused_RatherThanResampledIntoAHugeBuffer(uint rate)
    {
        var bytes = (byte[])s_valid.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FmtOffset() + 4), rate);

        Assert.Throws<WavFormatException>(() => WavReader.Read(bytes));
    }

    [Fact]
    public void ALyingChunkSize_BeforeTheData_IsTruncatedNotAnAllocation()
    {
        var bytes = (byte[])s_valid.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 0x7FFFFFF0); // the LIST chunk's size

        Assert.Throws<WavFormatException>(() => WavReader.Read(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("RIFF")]
    [InlineData("<html><body>Not found</body></html>")]
    [InlineData("ID3\u0004\0\0\0\0\0\0 an mp3 file")]
    [InlineData("RF64\0\0\0\0WAVE")]
    public void NonWav_IsRefused(string content) =>
        Assert.Throws<WavFormatException>(() => WavReader.Read(System.Text.Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void UnsupportedEncodings_AreRefused()
    {
        Assert.Throws<WavFormatException>(() => WavReader.Read(new WavBuilder { Tag = 2, Bits = 4 }.Build([1, 2]))); // ADPCM
        Assert.Throws<WavFormatException>(() => WavReader.Read(new WavBuilder { Bits = 12 }.Build([1, 2])));
        Assert.Throws<WavFormatException>(() => WavReader.Read(new WavBuilder { Tag = 0x55, Bits = 16 }.Build([1, 2]))); // MP3 in WAV
    }

    private static int FmtOffset() => s_valid.AsSpan().IndexOf("fmt "u8) + 8;
}
