using System.Buffers.Binary;
using Switchboard.Media.Sessions;
using Switchboard.Media.Streams;
using Switchboard.Media.Tests.Audio;

namespace Switchboard.Media.Tests.Streams;

public sealed class StreamCaptureTests
{
    [Fact]
    public void ThePeersAudio_ArrivesAsLittleEndianL16_AtTheStreamsRate_AtTheSamePitch()
    {
        var capture = new StreamCapture(16000, StreamChannels.Received, StreamEncoding.Linear16, TimeProvider.System);
        var tone = ResamplerTests.Tone(1000, 8000, 8000, 8000);
        var received = new List<short>();

        for (var start = 0; start < tone.Length; start += 160)
        {
            capture.OnAudio(AudioDirection.Received, tone.AsSpan(start, 160));
            while (capture.Frames.TryPeek(out var frame, out _))
            {
                for (var i = 0; i < frame.Length; i += 2)
                {
                    received.Add(BinaryPrimitives.ReadInt16LittleEndian(frame.Span[i..]));
                }

                capture.Frames.Release();
            }
        }

        Assert.InRange(received.Count, 15800, 16000);
        var steady = received.ToArray().AsSpan(800, 12800);
        Assert.InRange(ResamplerTests.Goertzel(steady, 1000, 16000), 7500, 8500);
        Assert.InRange(ResamplerTests.ZeroCrossings(steady), 1600 - 4, 1600 + 4);
    }

    [Fact]
    public void ASlowAgent_NeverHoldsTheMediaThread_FramesBeyondTheQueueAreDroppedAndCounted()
    {
        var capture = new StreamCapture(8000, StreamChannels.Received, StreamEncoding.MuLaw, TimeProvider.System, queueFrames: 10);

        for (var i = 0; i < 25; i++)
        {
            capture.OnAudio(AudioDirection.Received, new short[160]);
        }

        Assert.Equal(10, capture.Frames.Count);
        Assert.Equal(15, capture.Frames.DroppedFrames);
    }

    [Fact]
    public void Stereo_PutsThePeerLeftAndWhatWeSendRight()
    {
        var capture = new StreamCapture(8000, StreamChannels.Stereo, StreamEncoding.Linear16, TimeProvider.System);

        capture.OnAudio(AudioDirection.Sent, Enumerable.Repeat((short)-300, 160).ToArray());
        capture.OnAudio(AudioDirection.Received, Enumerable.Repeat((short)1000, 160).ToArray());

        Assert.True(capture.Frames.TryPeek(out var frame, out _));
        Assert.Equal(640, frame.Length);
        Assert.Equal(1000, BinaryPrimitives.ReadInt16LittleEndian(frame.Span[0..]));
        Assert.Equal(-300, BinaryPrimitives.ReadInt16LittleEndian(frame.Span[2..]));
    }

    [Fact]
    public void WhilePaused_NothingIsCaptured()
    {
        var capture = new StreamCapture(8000, StreamChannels.Received, StreamEncoding.Linear16, TimeProvider.System) { Paused = true };

        capture.OnAudio(AudioDirection.Received, new short[160]);

        Assert.Equal(0, capture.Frames.Count);
    }
}

public sealed class StreamAllocationTests
{
    [Theory]
    [InlineData(StreamChannels.Received, StreamEncoding.Linear16, 16000)]
    [InlineData(StreamChannels.Stereo, StreamEncoding.Linear16, 24000)]
    [InlineData(StreamChannels.Mixed, StreamEncoding.MuLaw, 8000)]
    public void CapturingAndTakingFrames_AllocatesNothing(StreamChannels channels, StreamEncoding encoding, int rate)
    {
        var capture = new StreamCapture(rate, channels, encoding, TimeProvider.System);
        var frame = ResamplerTests.Tone(1000, 8000, 160, 8000);
        Feed(capture, frame);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            Feed(capture, frame);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PlayingOutWritesReadsAndClears_AllocateNothing()
    {
        var playout = new StreamPlayout(8000 * 10);
        var audio = new short[320];
        var frame = new short[160];
        playout.Write(audio);
        playout.TryReadFrame(frame);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            playout.Write(audio);
            playout.TryReadFrame(frame);
            if (i % 50 == 0)
            {
                playout.Clear();
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Feed(StreamCapture capture, short[] frame)
    {
        capture.OnAudio(AudioDirection.Sent, frame);
        capture.OnAudio(AudioDirection.Received, frame);
        while (capture.Frames.TryPeek(out _, out _))
        {
            capture.Frames.Release();
        }
    }
}
