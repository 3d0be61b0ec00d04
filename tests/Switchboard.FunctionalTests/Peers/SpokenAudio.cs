using System.Diagnostics;
using Switchboard.Media.Audio;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>Test stimuli at 8 kHz: espeak-ng speech, silence and tones, to be played by a SIPp callee.</summary>
internal static class SpokenAudio
{
    public const int Rate = 8000;

    /// <summary>What espeak-ng says for <paramref name="text"/>, at 8 kHz.</summary>
    public static async Task<short[]> SpeakAsync(string text)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--stdout", "-v", "en-us", text })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start");
        using var wav = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(wav);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var audio = WavReader.Read(wav.ToArray());
        return new Resampler(audio.SampleRate, Rate).Process(audio.Samples);
    }

    public static short[] Silence(int milliseconds) => new short[milliseconds * Rate / 1000];

    public static short[] Tone(double frequency, int milliseconds) =>
        [.. Enumerable.Range(0, milliseconds * Rate / 1000).Select(n => (short)(8000 * Math.Sin(2 * Math.PI * frequency * n / Rate)))];
}
