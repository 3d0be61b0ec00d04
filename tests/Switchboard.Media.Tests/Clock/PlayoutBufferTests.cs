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
}
