using System.Threading.Channels;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Amd;
using Switchboard.Media.Sessions;
using Switchboard.Testing;

namespace Switchboard.Calls.Tests.Engine;

public sealed class AmdTapTests : IDisposable
{
    private const int Frame = AnsweringMachineDetector.FrameSamples;
    private static readonly TimeSpan FrameTime = AnsweringMachineDetector.FrameDuration;
    private readonly ManualTimeProvider _time = new();
    private readonly Channel<CallMessage> _inbox = Channel.CreateUnbounded<CallMessage>();
    private readonly AmdTap _tap;

    public AmdTapTests() => _tap = new AmdTap(new AnsweringMachineDetector(), _inbox.Writer, _time);

    public void Dispose() => _tap.Dispose();

    [Fact]
    public void AHello_ThenNoPacketsAtAll_IsAHumanOnceTheWallClockShowsTheSilence()
    {
        Speak(Voiced(400));
        Assert.Empty(Drain());

        _time.Advance(TimeSpan.FromSeconds(2));

        var messages = Drain();
        var human = Assert.IsType<AmdDetected>(messages[0]).Event;
        Assert.Equal((AmdEventKind.HumanDetected, AmdReason.ShortGreeting), (human.Kind, human.Reason));
        Assert.IsType<AmdCompleted>(Assert.Single(messages[1..]));
    }

    [Fact]
    public void NoPacketsAtAll_IsNoSpeech_NotBeforeTheTimeoutPlusTheJitterSlack()
    {
        _time.Advance(AmdOptions.Default.NoSpeechTimeout + AmdTap.GapSlack - TimeSpan.FromMilliseconds(100));
        Assert.Empty(Drain());

        _time.Advance(TimeSpan.FromMilliseconds(200));

        var noSpeech = Assert.IsType<AmdDetected>(Drain()[0]).Event;
        Assert.Equal(AmdEventKind.NoSpeechDetected, noSpeech.Kind);
        Assert.Equal(AmdOptions.Default.NoSpeechTimeout, noSpeech.At);
    }

    [Fact]
    public void PacketsArrivingOnTime_AreNeverPaddedWithSilence()
    {
        var silence = new short[Frame];
        var frames = (int)(AmdOptions.Default.NoSpeechTimeout / FrameTime);
        for (var i = 1; i < frames; i++)
        {
            _time.Advance(FrameTime);
            _tap.OnAudio(AudioDirection.Received, silence);
        }

        // Padding would have brought the no-speech decision before the audio reached its timeout.
        Assert.Empty(Drain());
        _time.Advance(FrameTime);
        _tap.OnAudio(AudioDirection.Received, silence);
        Assert.Equal(AmdEventKind.NoSpeechDetected, Assert.IsType<AmdDetected>(Drain()[0]).Event.Kind);
    }

    [Fact]
    public void OurOwnAudio_IsNotFedToTheDetector()
    {
        _tap.OnAudio(AudioDirection.Sent, Voiced(2000));
        _tap.OnAudio(AudioDirection.Sent, new short[(int)(AmdOptions.Default.NoSpeechTimeout / FrameTime) * Frame]);

        Assert.Empty(Drain());
    }

    [Fact]
    public void ReceivedAudio_IsFedWithoutAllocating()
    {
        var silence = new short[Frame];
        _tap.OnAudio(AudioDirection.Received, silence);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _tap.OnAudio(AudioDirection.Received, silence);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Delivers audio as 20 ms packets arriving in real time.</summary>
    private void Speak(short[] samples)
    {
        for (var offset = 0; offset + Frame <= samples.Length; offset += Frame)
        {
            _time.Advance(FrameTime);
            _tap.OnAudio(AudioDirection.Received, samples.AsSpan(offset, Frame));
        }
    }

    private List<CallMessage> Drain()
    {
        var messages = new List<CallMessage>();
        while (_inbox.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>A vowel-like sound: a 140 Hz pulse train's harmonics weighted around two formants, with a rise and fall.</summary>
    private static short[] Voiced(int milliseconds)
    {
        var count = milliseconds * 8;
        var samples = new short[count];
        for (var n = 0; n < count; n++)
        {
            var value = 0.0;
            for (var h = 1; h * 140 < 3400; h++)
            {
                var f = h * 140.0;
                var gain = (1 / (1 + Math.Pow((f - 700) / 150, 2))) + (0.6 / (1 + Math.Pow((f - 1200) / 200, 2))) + 0.05;
                value += gain * Math.Sin(2 * Math.PI * f * n / 8000);
            }

            samples[n] = (short)Math.Clamp(6000 * Math.Sin(Math.PI * n / count) * value / 2, short.MinValue, short.MaxValue);
        }

        return samples;
    }
}
