using System.Diagnostics;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Amd;

/// <summary>Test audio at 8 kHz: espeak-ng speech, synthetic voiced bursts, noise, tones.</summary>
internal static class GreetingSignals
{
    public const int Rate = 8000;

    public const string MachineGreeting =
        "Hi, you have reached the voicemail of John Smith. I am sorry I cannot take your call right now. "
        + "Please leave your name, your number and a short message after the tone, and I will get back to you as soon as I can.";

    private static readonly Dictionary<string, short[]> s_spoken = [];

    /// <summary>Speech from espeak-ng, resampled to 8 kHz (cached per process: espeak-ng is deterministic).</summary>
    public static async Task<short[]> SpeakAsync(string text, string voice = "en-us")
    {
        var key = voice + "\n" + text;
        lock (s_spoken)
        {
            if (s_spoken.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--stdout", "-v", voice, text })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var wav = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(wav);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var audio = WavReader.Read(wav.ToArray());
        var samples = new Resampler(audio.SampleRate, Rate).Process(audio.Samples);
        lock (s_spoken)
        {
            s_spoken[key] = samples;
        }

        return samples;
    }

    public static short[] Silence(int milliseconds) => new short[milliseconds * Rate / 1000];

    public static short[] Tone(double frequency, int milliseconds, double amplitude = 8000) =>
        [.. Enumerable.Range(0, milliseconds * Rate / 1000).Select(n => (short)(amplitude * Math.Sin(2 * Math.PI * frequency * n / Rate)))];

    /// <summary>
    /// A voiced syllable-like burst: a 120-180 Hz glottal pulse train shaped by two formants and a rise-fall
    /// envelope, so it is periodic like a vowel but not a pure tone.
    /// </summary>
    public static short[] VoicedBurst(int milliseconds, double pitch = 140, double amplitude = 6000)
    {
        var count = milliseconds * Rate / 1000;
        var samples = new short[count];
        var phase = 0.0;
        for (var n = 0; n < count; n++)
        {
            var t = (double)n / count;
            var f0 = pitch * (1 + (0.15 * Math.Sin(Math.PI * t)));
            phase += f0 / Rate;
            var value = 0.0;
            for (var h = 1; h * f0 < 3400; h++)
            {
                // Harmonics near the formants (700 Hz and 1200 Hz) are strongest.
                var f = h * f0;
                var gain = (1 / (1 + Math.Pow((f - 700) / 150, 2))) + (0.6 / (1 + Math.Pow((f - 1200) / 200, 2))) + 0.05;
                value += gain * Math.Sin(2 * Math.PI * h * phase);
            }

            var envelope = Math.Sin(Math.PI * t);
            samples[n] = (short)Math.Clamp(amplitude * envelope * value / 2, short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>Gaussian white noise with the given RMS.</summary>
    public static short[] Noise(int milliseconds, double rms, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, milliseconds * Rate / 1000).Select(_ =>
            (short)Math.Clamp(rms * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()), short.MinValue, short.MaxValue))];
    }

    /// <summary>Adds two signals sample by sample (the shorter padded with silence).</summary>
    public static short[] Mix(short[] a, short[] b) =>
        [.. Enumerable.Range(0, Math.Max(a.Length, b.Length)).Select(i =>
            (short)Math.Clamp((i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0), short.MinValue, short.MaxValue))];

    public static short[] Concat(params short[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>The span of <paramref name="samples"/> from the first to the last sample louder than a whisper, in ms.</summary>
    public static (double Start, double End) SpeechExtent(short[] samples, int threshold = 300)
    {
        var first = Array.FindIndex(samples, s => Math.Abs((int)s) > threshold);
        var last = Array.FindLastIndex(samples, s => Math.Abs((int)s) > threshold);
        return (first * 1000.0 / Rate, (last + 1) * 1000.0 / Rate);
    }
}
