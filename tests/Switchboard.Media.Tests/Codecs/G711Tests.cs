using Switchboard.Media.Codecs;

namespace Switchboard.Media.Tests.Codecs;

public sealed class G711Tests
{
    // Reference values of the ITU-T G.711 reference code (Sun/ITU g711.c); sox agrees on every one of them.
    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-100, 0x72)]
    [InlineData(8, 0xFE)]
    [InlineData(100, 0xF2)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void MuLawEncode_MatchesReference(short sample, byte expected) => Assert.Equal(expected, MuLaw.Encode(sample));

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xCE, 988)]
    [InlineData(0xF2, 104)]
    public void MuLawDecode_MatchesReference(byte value, short expected) => Assert.Equal(expected, MuLaw.Decode(value));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-100, 0x53)]
    [InlineData(100, 0xD3)]
    [InlineData(1000, 0xFA)]
    [InlineData(-1000, 0x7A)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void ALawEncode_MatchesReference(short sample, byte expected) => Assert.Equal(expected, ALaw.Encode(sample));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xFA, 1008)]
    public void ALawDecode_MatchesReference(byte value, short expected) => Assert.Equal(expected, ALaw.Decode(value));

    [Fact]
    public void EveryCodeword_SurvivesDecodeThenEncode()
    {
        for (var i = 0; i < 256; i++)
        {
            var mu = (byte)i;
            var expectedMu = mu == 0x7F ? (byte)0xFF : mu; // µ-law has two zeros; both decode to 0, which encodes as 0xFF.
            Assert.Equal(expectedMu, MuLaw.Encode(MuLaw.Decode(mu)));
            Assert.Equal((byte)i, ALaw.Encode(ALaw.Decode((byte)i)));
        }
    }

    [Fact]
    public void RoundTrip_KeepsSamplesWithinQuantizationError()
    {
        for (int s = short.MinValue; s <= short.MaxValue; s += 7)
        {
            var sample = (short)s;
            var mu = MuLaw.Decode(MuLaw.Encode(sample));
            var a = ALaw.Decode(ALaw.Encode(sample));
            // The quantization step is 1/16 of the segment, so the error stays within a small fraction of the sample.
            Assert.InRange(Math.Abs(mu - sample), 0, Math.Abs((int)sample) / 15 + 8);
            Assert.InRange(Math.Abs(a - sample), 0, Math.Abs((int)sample) / 15 + 16);
        }
    }

    [Fact]
    public void SpanEncode_MatchesScalarEncode()
    {
        var samples = new short[160];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(Math.Sin(i * 0.3) * 12000);
        }

        var mu = new byte[160];
        var a = new byte[160];
        G711Codec.Pcmu.Encode(samples, mu);
        G711Codec.Pcma.Encode(samples, a);
        var decoded = new short[160];
        G711Codec.Pcmu.Decode(mu, decoded);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(MuLaw.Encode(samples[i]), mu[i]);
            Assert.Equal(ALaw.Encode(samples[i]), a[i]);
            Assert.Equal(MuLaw.Decode(mu[i]), decoded[i]);
        }
    }
}
