using Switchboard.Media.Dtmf;
using Switchboard.Media.Tests.Amd;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>
/// Talk-off: speech and music must not make keys (the "talk-off" figure Q.24 receivers are tested for).
/// Several espeak-ng voices and languages, sung-like pitch glides, and synthetic music through the DTMF bands.
/// </summary>
public sealed class DtmfToneDetectorTalkOffTests
{
    [Theory]
    [InlineData("en-us+m3", "Press one for billing, two for technical support, three to hear these options again. Zero, one, two, three, four, five, six, seven, eight, nine, star, pound.")]
    [InlineData("en-gb+f2", "Good morning! Beep beep. Ooooh, eeeee, aaaah, mmmmm. Hello hello hello, is anybody there? Weeeee!")]
    [InlineData("de", "Guten Tag, Sie sind mit der Mailbox verbunden. Bitte hinterlassen Sie eine Nachricht nach dem Signalton.")]
    [InlineData("fr", "Bonjour, vous êtes bien sur la messagerie. Laissez un message après le bip sonore, merci.")]
    [InlineData("es+f3", "Hola, gracias por llamar. Marque uno para ventas, dos para soporte, o espere en la línea.")]
    [InlineData("cmn", "你好，欢迎致电。请按一号键查询余额，按二号键转人工服务。")]
    public async Task EspeakSpeech_InSeveralVoicesAndLanguages_GivesNoKeys(string voice, string text)
    {
        var speech = await GreetingSignals.SpeakAsync(text, voice);
        Assert.True(speech.Length > 8000 * 3, "espeak-ng produced less speech than expected");

        Assert.Empty(DtmfToneDetectorTimingTests.Detect(speech));
        Assert.Empty(DtmfToneDetectorTimingTests.Detect(Loud(speech)));
    }

    [Fact]
    public void AMelodyOfHarmonicNotes_ThroughTheDtmfBands_GivesNoKeys()
    {
        // Two voices a third to a sixth apart, each note with its 2nd and 3rd harmonics (an organ-like timbre),
        // stepping semitone by semitone from 600 Hz to 1700 Hz: every DTMF frequency is passed closely.
        var notes = new List<short[]>();
        for (var semitone = 0; semitone < 18; semitone++)
        {
            var low = 600 * Math.Pow(2, semitone / 12.0);
            var high = low * Math.Pow(2, (3 + (semitone % 6)) / 12.0);
            notes.Add(DtmfSignal.Sines(
                120,
                (low, 0.15, 0), (2 * low, 0.08, 0.3), (3 * low, 0.04, 0.6),
                (high, 0.15, 1), (2 * high, 0.08, 1.3), (3 * high, 0.04, 1.6)));
        }

        Assert.Empty(DtmfToneDetectorTimingTests.Detect(DtmfSignal.Concat([.. notes])));
    }

    [Fact]
    public void ExactDtmfPairs_WithMusicalHarmonics_GiveNoKeys()
    {
        // The pair of key 5 played by an instrument: its strong second harmonics mark it as music, not a keypad.
        var chord = DtmfSignal.Sines(200, (770, 0.15, 0), (1540, 0.1, 0.2), (1336, 0.15, 0.5), (2672, 0.1, 0.7));

        Assert.Empty(DtmfToneDetectorTimingTests.Detect(DtmfSignal.Concat(chord, DtmfSignal.Silence(60))));
    }

    [Fact]
    public void AVibratoPairNearAKey_GivesNoKeys()
    {
        // Two sung-like tones near 852 Hz and 1477 Hz (key 9) with a 6 Hz, ±3 % vibrato: never steady enough.
        var samples = new short[8000];
        double p1 = 0, p2 = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var wobble = 1 + (0.03 * Math.Sin(2 * Math.PI * 6 * n / 8000));
            p1 += 2 * Math.PI * 852 * wobble / 8000;
            p2 += 2 * Math.PI * 1477 * wobble / 8000;
            samples[n] = (short)(8000 * (Math.Sin(p1) + Math.Sin(p2)));
        }

        Assert.Empty(DtmfToneDetectorTimingTests.Detect(samples));
    }

    private static short[] Loud(short[] speech) => [.. speech.Select(s => (short)Math.Clamp(s * 3, short.MinValue, short.MaxValue))];
}
