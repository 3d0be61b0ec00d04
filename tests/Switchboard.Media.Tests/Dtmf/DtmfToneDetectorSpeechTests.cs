using System.Diagnostics;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class DtmfToneDetectorSpeechTests
{
    private const string Text =
        "Thank you for calling. Please press one for sales, two for support, or stay on the line. "
        + "The quick brown fox jumps over the lazy dog. She sells sea shells by the sea shore. "
        + "Your call is important to us; the next available agent will be with you shortly. "
        + "Beep boop, ding dong, la la la la, one two three four five six seven eight nine zero.";

    [Theory]
    [InlineData("en")]
    [InlineData("en+f3")]
    public async Task EspeakSpeech_GivesNoKeys(string voice)
    {
        var samples = await SpeakAt8kHzAsync(voice);
        Assert.True(samples.Length > 8000 * 10, "espeak-ng produced less speech than expected");

        var detector = new DtmfToneDetector();
        var digits = new DtmfDigit[4];
        var found = new List<DtmfDigit>();
        for (var offset = 0; offset < samples.Length; offset += 160)
        {
            var count = detector.Process(samples.AsSpan(offset, Math.Min(160, samples.Length - offset)), digits);
            found.AddRange(digits.Take(count));
        }

        Assert.Empty(found);
    }

    private static async Task<short[]> SpeakAt8kHzAsync(string voice)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--stdout", "-v", voice, Text })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var wav = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(wav);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);

        var audio = WavReader.Read(wav.ToArray());
        return new Resampler(audio.SampleRate, 8000).Process(audio.Samples);
    }
}
