using Switchboard.Media.Streams;
using Switchboard.Media.Tests.Audio;

namespace Switchboard.Media.Tests.Streams;

public sealed class StreamResamplerTests
{
    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(8000, 24000)]
    [InlineData(16000, 8000)]
    [InlineData(24000, 8000)]
    [InlineData(8000, 8000)]
    public void AToneResampledFrameByFrame_KeepsItsPitchAndLevel(int inputRate, int outputRate)
    {
        var input = ResamplerTests.Tone(1000, inputRate, inputRate, 10000);
        var resampler = new StreamResampler(inputRate, outputRate, inputRate / 50);
        var output = new List<short>();
        var frame = new short[resampler.MaxOutput(inputRate / 50)];

        for (var start = 0; start < input.Length; start += inputRate / 50)
        {
            var count = resampler.Process(input.AsSpan(start, inputRate / 50), frame);
            output.AddRange(frame.AsSpan(0, count).ToArray());
        }

        // One second in, one second out, less the filter's delay of a few milliseconds.
        Assert.InRange(output.Count, outputRate * 99 / 100, outputRate);
        var steady = output.ToArray().AsSpan(outputRate / 20, outputRate * 8 / 10);
        Assert.InRange(ResamplerTests.Goertzel(steady, 1000, outputRate), 9000, 11000);
        var expectedCrossings = 2 * 1000 * steady.Length / outputRate;
        Assert.InRange(ResamplerTests.ZeroCrossings(steady), expectedCrossings - 4, expectedCrossings + 4);
    }

    [Fact]
    public void FrameEdges_LeaveNoClick_TheStreamMatchesTheWholeSignalResampled()
    {
        var input = ResamplerTests.Tone(440, 8000, 8000, 12000);
        var whole = new Switchboard.Media.Audio.Resampler(8000, 16000).Process(input);
        var resampler = new StreamResampler(8000, 16000, 160);
        var streamed = new List<short>();
        var frame = new short[resampler.MaxOutput(160)];
        for (var start = 0; start < input.Length; start += 160)
        {
            var count = resampler.Process(input.AsSpan(start, 160), frame);
            streamed.AddRange(frame.AsSpan(0, count).ToArray());
        }

        for (var i = 100; i < streamed.Count - 100; i++)
        {
            Assert.InRange(streamed[i] - whole[i], -2, 2);
        }
    }
}
