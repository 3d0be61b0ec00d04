using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class AudioDecoderTests
{
    [Theory]
    [InlineData(8000, 1)]
    [InlineData(16000, 1)]
    [InlineData(22050, 1)]
    [InlineData(44100, 2)]
    [InlineData(48000, 2)]
    [InlineData(11025, 1)]
    [InlineData(44101, 1)] // no small rational ratio to 8 kHz
    [InlineData(12345, 2)]
    public void ToneAtAnyRate_KeepsItsPitchAndLength_At8kHz(int rate, int channels)
    {
        var tone = ResamplerTests.Tone(440, rate, rate, 8000);
        var interleaved = tone.SelectMany(s => Enumerable.Repeat(s, channels));
        var wav = new WavBuilder { Rate = rate, Channels = channels }.Build(WavBuilder.Pcm16(interleaved));

        var clip = AudioDecoder.FromWav(wav);

        Assert.InRange(clip.Samples.Length, 7990, 8010);
        Assert.InRange(MeasuredFrequency(clip.Samples.Span[400..7600]), 439, 441);
    }

    [Fact]
    public void EightBitMuLawAt8kHz_NeedsNoResampling()
    {
        var wav = new WavBuilder { Tag = 7, Bits = 8 }.Build([0xFF, 0x7F, 0x80]);

        Assert.Equal(3, AudioDecoder.FromWav(wav).Samples.Length);
    }

    [Fact]
    public void AStreamingPlaceholderDataSize_ReadsToTheEnd()
    {
        var wav = new WavBuilder { DataSize = 0xFFFFFFFF }.Build(WavBuilder.Pcm16([1, 2, 3]));

        Assert.Equal(new short[] { 1, 2, 3 }, AudioDecoder.FromWav(wav).Samples.ToArray());
    }

    /// <summary>Frequency from the interpolated zero crossings of a clean tone.</summary>
    internal static double MeasuredFrequency(ReadOnlySpan<short> samples)
    {
        int crossings = 0;
        double first = 0, last = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                var at = i - 1 + (samples[i - 1] / (double)(samples[i - 1] - samples[i]));
                if (crossings++ == 0)
                {
                    first = at;
                }

                last = at;
            }
        }

        return (crossings - 1) * 8000 / (2 * (last - first));
    }
}
