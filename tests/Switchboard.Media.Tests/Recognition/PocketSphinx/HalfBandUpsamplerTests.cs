using Switchboard.Media.Recognition.PocketSphinx;

namespace Switchboard.Media.Tests.Recognition.PocketSphinx;

public sealed class HalfBandUpsamplerTests
{
    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3400)]
    public void AToneInTheTelephoneBand_IsTheSameToneAtTwiceTheRate(double frequency)
    {
        var input = Enumerable.Range(0, 8000).Select(n => (short)(10000 * Math.Sin(2 * Math.PI * frequency * n / 8000))).ToArray();
        var output = new short[16000];

        HalfBandUpsampler.Upsample(input, output);

        // Away from the ends, where the filter runs out of input.
        for (var n = 100; n < 15900; n++)
        {
            var expected = 10000 * Math.Sin(2 * Math.PI * frequency * n / 16000);
            Assert.InRange(output[n], expected - 150, expected + 150);
        }

        Assert.Equal(input, output.Where((_, i) => i % 2 == 0));
    }

    [Fact]
    public void TooSmallABuffer_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HalfBandUpsampler.Upsample(new short[10], new short[19]));
    }
}
