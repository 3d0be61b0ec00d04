using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class Mp3ReaderTests
{
    [Theory]
    [InlineData("tone-440hz-16khz-mono.mp3", 16000)]
    [InlineData("tone-440hz-44khz-stereo-id3.mp3", 44100)]
    public void Mp3Tone_DecodesAtItsOwnRate(string name, int rate)
    {
        var audio = Mp3Reader.Read(Asset(name));

        Assert.Equal(rate, audio.SampleRate);
        // LAME adds its encoder delay and pads the last frame: a little more than the second encoded.
        Assert.InRange(audio.Samples.Length, rate, rate + (3 * 1152));
    }

    [Theory]
    [InlineData("tone-440hz-16khz-mono.mp3")]
    [InlineData("tone-440hz-44khz-stereo-id3.mp3")]
    public void Mp3Tone_KeepsItsPitch_At8kHz(string name)
    {
        var clip = AudioDecoder.Decode(Asset(name));

        Assert.InRange(clip.Samples.Length, 7900, 8700);
        Assert.InRange(AudioDecoderTests.MeasuredFrequency(clip.Samples.Span[1600..7200]), 436, 444);
    }

    [Fact]
    public void StereoMp3_IsMixedToMonoAtTheToneLevel()
    {
        var audio = Mp3Reader.Read(Asset("tone-440hz-44khz-stereo-id3.mp3"));

        // Both channels carry the same tone of amplitude 12000: the mix keeps it, it does not double it.
        var peak = audio.Samples.AsSpan(4410, 35280).ToArray().Max(s => Math.Abs((int)s));
        Assert.InRange(peak, 10000, 14000);
    }

    [Theory]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04, 0x00 }, true)] // ID3
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, true)] // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
    [InlineData(new byte[] { 0xFF, 0xF3, 0x48, 0xC4 }, true)] // MPEG-2 layer III
    [InlineData(new byte[] { 0xFF, 0xFB, 0xF0, 0x64 }, false)] // bitrate index 15 is reserved
    [InlineData(new byte[] { 0xFF, 0xFB, 0x9C, 0x64 }, false)] // sample rate index 3 is reserved
    [InlineData(new byte[] { 0xFF, 0xF9, 0x90, 0x64 }, false)] // layer 0 is reserved
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46 }, false)] // RIFF
    [InlineData(new byte[] { 0xFF }, false)]
    public void LooksLikeMpegAudio_ReadsTheFirstBytes(byte[] start, bool expected) =>
        Assert.Equal(expected, Mp3Reader.LooksLikeMpegAudio(start));

    [Fact]
    public void AudioDecoder_TellsMp3FromWavByContent()
    {
        var wav = new WavBuilder { Rate = 8000 }.Build(WavBuilder.Pcm16([1, 2, 3]));

        Assert.Equal(3, AudioDecoder.Decode(wav).Samples.Length);
        Assert.InRange(AudioDecoder.Decode(Asset("tone-440hz-16khz-mono.mp3")).Samples.Length, 7900, 8700);
    }

    [Fact]
    public void FrameHeaderFollowedByGarbage_IsAFormatError()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0xFF;
        garbage[1] = 0xFB;
        garbage[2] = 0x90;
        garbage[3] = 0x64;

        Assert.Throws<Mp3FormatException>(() => AudioDecoder.Decode(garbage));
    }

    [Fact]
    public void AnId3TagAndNothingElse_IsAFormatError()
    {
        var tagOnly = Asset("tone-440hz-44khz-stereo-id3.mp3").AsSpan(0, 10 + 0x5D).ToArray();

        var error = Assert.Throws<Mp3FormatException>(() => AudioDecoder.Decode(tagOnly));
        Assert.Contains("MPEG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTruncationOfAnMp3_DecodesWhatIsThereOrIsAFormatError()
    {
        var file = Asset("tone-440hz-16khz-mono.mp3");
        for (var length = 0; length < file.Length; length += 37)
        {
            try
            {
                var clip = AudioDecoder.Decode(file[..length]);
                Assert.True(clip.Samples.Length <= 8700);
            }
            catch (AudioFormatException)
            {
                // A clear error is the other acceptable outcome; any other exception fails the test.
            }
        }
    }

    [Fact]
    public void CorruptedMiddle_DecodesOrIsAFormatErrorNeverACrash()
    {
        var random = new Random(16);
        for (var round = 0; round < 50; round++)
        {
            var file = Asset("tone-440hz-44khz-stereo-id3.mp3");
            for (var i = 0; i < 40; i++)
            {
                file[random.Next(200, file.Length)] = (byte)random.Next(256);
            }

            try
            {
                AudioDecoder.Decode(file);
            }
            catch (AudioFormatException)
            {
            }
        }
    }

    private static byte[] Asset(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Audio", "Assets", name));
}
