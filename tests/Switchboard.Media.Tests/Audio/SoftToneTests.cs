using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class SoftToneTests
{
    [Fact]
    public void ATone_HasItsPitch_AndFadesInAndOut()
    {
        var samples = new short[AudioClip.SampleRate / 2];

        SoftTone.Write(samples, 8000, 1000);

        // 1 kHz for half a second: 500 cycles, so about 1,000 sign changes.
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        Assert.InRange(crossings, 990, 1010);
        Assert.Equal(0, samples[0]);
        Assert.Equal(0, samples[^1]);
        Assert.InRange(samples.Max(s => (int)s), 7900, 8000);
    }

    [Fact]
    public void TwoFrequencies_AreSummed()
    {
        var samples = new short[AudioClip.SampleRate];

        SoftTone.Write(samples, 4000, 440, 480);

        // 440 + 480 Hz beat to a peak of twice the amplitude where the two waves meet in phase.
        Assert.InRange(samples.Max(s => (int)s), 7800, 8000);
    }
}
