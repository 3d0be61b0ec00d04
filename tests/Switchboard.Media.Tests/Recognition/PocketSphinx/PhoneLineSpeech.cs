using Switchboard.Media.Codecs;
using Switchboard.Media.Tests.Amd;

namespace Switchboard.Media.Tests.Recognition.PocketSphinx;

/// <summary>
/// An utterance as a recognizer gets it on a call: espeak-ng speech at 8 kHz, set to a speaking level of about
/// −20 dBFS, with a little line noise around it, through G.711 µ-law and back, as the caller's line carried it.
/// </summary>
internal static class PhoneLineSpeech
{
    private const double SpeechRms = 3277; // −20 dBFS

    public static async Task<short[]> SayAsync(string text, string voice = "en-us")
    {
        var spoken = await GreetingSignals.SpeakAsync(text, voice);
        var voiced = spoken.Where(s => Math.Abs((int)s) > 300).Select(s => (double)s * s).DefaultIfEmpty(1).Average();
        var gain = SpeechRms / Math.Sqrt(voiced);
        var level = spoken.Select(s => (short)Math.Clamp(s * gain, short.MinValue, short.MaxValue)).ToArray();
        var padded = GreetingSignals.Concat(GreetingSignals.Silence(300), level, GreetingSignals.Silence(300));
        var line = GreetingSignals.Mix(padded, GreetingSignals.Noise(padded.Length * 1000 / GreetingSignals.Rate, 12, seed: text.Length));
        var encoded = new byte[line.Length];
        MuLaw.Encode(line, encoded);
        MuLaw.Decode(encoded, line);
        return line;
    }
}
