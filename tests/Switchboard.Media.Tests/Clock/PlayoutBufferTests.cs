using Switchboard.Media.Clock;

namespace Switchboard.Media.Tests.Clock;

public sealed class PlayoutBufferTests
{
    [Fact]
    public void TheRing_KeepsOrderAcrossTheWrap_AndRefusesWhatDoesNotFit()
    {
        var ring = new SampleRing<short>(8);
        var read = new short[5];
        short next = 0;
        short expected = 0;
        for (var round = 0; round < 20; round++)
        {
            Assert.True(ring.TryWrite([next++, next++, next++, next++, next++]));
            Assert.False(ring.TryWrite([1, 2, 3, 4]));
            Assert.Equal(5, ring.Read(read));
            foreach (var sample in read)
            {
                Assert.Equal(expected++, sample);
            }
        }

        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void Playback_WaitsForTwoFrames_ThenPlaysInOrder_AndRefillsAfterRunningDry()
    {
        var buffer = new PlayoutBuffer<short>(4, 64);
        var frame = new short[4];
        buffer.Write([1, 1, 1, 1]);
        Assert.False(buffer.TryRead(frame));
        buffer.Write([2, 2, 2, 2]);
        Assert.True(buffer.TryRead(frame));
        Assert.Equal([1, 1, 1, 1], frame);
        Assert.True(buffer.TryRead(frame));
        Assert.Equal([2, 2, 2, 2], frame);

        Assert.False(buffer.TryRead(frame));
        Assert.Equal(1, buffer.Underruns);
        buffer.Write([3, 3, 3, 3]);
        Assert.False(buffer.TryRead(frame));
        buffer.Write([4, 4, 4, 4]);
        Assert.True(buffer.TryRead(frame));
        Assert.Equal([3, 3, 3, 3], frame);
    }

    [Fact]
    public void ABurst_IsTrimmedToThePlayoutDepth_KeepingTheNewest()
    {
        var buffer = new PlayoutBuffer<short>(4, 256);
        var frame = new short[4];
        for (short i = 0; i < 20; i++)
        {
            buffer.Write([i, i, i, i]);
        }

        Assert.True(buffer.TryRead(frame));
        Assert.Equal([18, 18, 18, 18], frame);
        Assert.Equal(1, buffer.Overflows);
    }

    [Fact]
    public void LargePackets_RaiseThePlayoutDepth_AndResetEmptiesTheBuffer()
    {
        var buffer = new PlayoutBuffer<short>(4, 256);
        var frame = new short[4];
        buffer.Write(new short[12]);
        Assert.False(buffer.TryRead(frame));
        buffer.Write(new short[4]);
        Assert.True(buffer.TryRead(frame));

        buffer.Reset();
        Assert.False(buffer.TryRead(frame));
    }

    [Fact]
    public void AStandingBacklog_AfterAStall_IsDrainedWithinAWindow()
    {
        var buffer = new PlayoutBuffer<short>(4, 256);
        var frame = new short[4];
        short next = 0;
        void WriteFrame()
        {
            buffer.Write([next, next, next, next]);
            next++;
        }

        // Steady: each tick reads the oldest of two frames, then the next packet arrives.
        WriteFrame();
        WriteFrame();
        for (var tick = 0; tick < PlayoutBuffer<short>.DrainWindowTicks * 2; tick++)
        {
            Assert.True(buffer.TryRead(frame));
            Assert.Equal(next - 2, frame[0]);
            WriteFrame();
        }

        Assert.Equal(0, buffer.Overflows);

        // The consumer stalls for four ticks: four more frames are queued (below the burst trim), and they stay.
        for (var i = 0; i < 4; i++)
        {
            WriteFrame();
        }

        Assert.True(buffer.TryRead(frame));
        Assert.Equal(next - 6, frame[0]);
        WriteFrame();
        for (var tick = 0; tick < PlayoutBuffer<short>.DrainWindowTicks; tick++)
        {
            Assert.True(buffer.TryRead(frame));
            WriteFrame();
        }

        // Drained back to the playout depth: the frame read is two behind the newest written again, not six.
        Assert.True(buffer.TryRead(frame));
        Assert.Equal(next - 2, frame[0]);
        Assert.Equal(1, buffer.Overflows);
    }

    [Fact]
    public void Jitter_ThatComesInPairs_KeepsEveryFrame()
    {
        var buffer = new PlayoutBuffer<short>(4, 256);
        var frame = new short[4];
        short next = 0;
        short expected = 0;
        for (var tick = 0; tick < PlayoutBuffer<short>.DrainWindowTicks * 4; tick++)
        {
            // Two packets every other tick: the depth swings by a frame, the low-water mark stays at the playout depth.
            if (tick % 2 == 0)
            {
                buffer.Write([next, next, next, next]);
                next++;
                buffer.Write([next, next, next, next]);
                next++;
            }

            if (buffer.TryRead(frame))
            {
                Assert.Equal(expected++, frame[0]);
            }
        }

        Assert.Equal(0, buffer.Overflows);
    }
}
