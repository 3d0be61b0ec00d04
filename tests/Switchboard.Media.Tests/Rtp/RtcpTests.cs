using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class RtcpTests
{
    [Fact]
    public void ACompoundPacket_ReadsBackAsWritten()
    {
        var packet = new byte[256];
        var info = new RtcpSenderInfo(0x0123456789ABCDEF, 160_000, 500, 80_000);
        var block = new RtcpReportBlock(0xCAFE, 25, -3, 70_000, 42, 0x11112222, 0x00010000);
        var length = RtcpWriter.WriteSenderReport(packet, 0xBEEF, info, block);
        length += RtcpWriter.WriteCname(packet.AsSpan(length), 0xBEEF, "abc"u8);
        length += RtcpWriter.WriteGoodbye(packet.AsSpan(length), 0xBEEF);

        Assert.True(RtcpReader.TryRead(packet.AsSpan(0, length), 0xCAFE, out var summary));

        Assert.Equal(0xBEEFu, summary.SenderSsrc);
        Assert.Equal(info, summary.SenderInfo);
        Assert.Equal(block, summary.AboutUs);
        Assert.True(summary.Goodbye);
        Assert.Equal(0, length % 4);
    }

    [Fact]
    public void AReceiverReport_AboutSomeoneElse_HasNoBlockForUs()
    {
        var packet = new byte[64];
        var length = RtcpWriter.WriteReceiverReport(packet, 1, new RtcpReportBlock(2, 0, 0, 0, 0, 0, 0));

        Assert.True(RtcpReader.TryRead(packet.AsSpan(0, length), 3, out var summary));
        Assert.Null(summary.AboutUs);
        Assert.Null(summary.SenderInfo);
    }

    [Theory]
    [InlineData("81ca000100000001")]
    [InlineData("41c9000100000001")]
    [InlineData("81c9000200000001")]
    [InlineData("81c900010000000181ca0005")]
    [InlineData("a1c9000100000001")]
    public void InvalidCompounds_AreRefused(string hex)
    {
        Assert.False(RtcpReader.TryRead(Convert.FromHexString(hex), 1, out _));
    }

    [Fact]
    public void Statistics_CountLossAcrossTheSequenceWrap_AndTheFractionPerInterval()
    {
        var stats = new RtpReceptionStatistics();
        ushort sequence = 65530;
        for (var i = 0; i < 20; i++, sequence++)
        {
            if (i is 5 or 6)
            {
                continue;
            }

            stats.Update(7, sequence, (uint)(i * 160), i * 160, measureJitter: true);
        }

        var block = stats.CreateBlock(0, 0);
        Assert.Equal(65536u + 13, block.ExtendedHighestSequence);
        Assert.Equal(2, block.CumulativeLost);
        Assert.Equal((byte)(2 * 256 / 20), block.FractionLost);
        Assert.Equal(0u, block.Jitter);

        stats.Update(7, sequence, 20 * 160, 20 * 160, measureJitter: true);
        Assert.Equal(0, stats.CreateBlock(0, 0).FractionLost);
    }

    [Fact]
    public void Jitter_FollowsTheVariationOfTransitTime_AndANewSourceRestarts()
    {
        var stats = new RtpReceptionStatistics();
        for (var i = 0; i < 400; i++)
        {
            // Packets alternately 10 ms early and late: |D| is 160 timestamp units every time.
            stats.Update(9, (ushort)i, (uint)(i * 160), (i * 160) + (i % 2 == 0 ? 0 : 160), measureJitter: true);
        }

        Assert.InRange(stats.Jitter, 150u, 160u);

        stats.Update(10, 1, 0, 0, measureJitter: true);
        Assert.Equal(10u, stats.Ssrc);
        Assert.Equal(1, stats.Received);
        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void TheInterval_IsTheRandomisedMinimum_ForATwoPartyCall()
    {
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(RtcpInterval.Next(false, 100, random).TotalSeconds, 2.5 / 1.21828, 7.5 / 1.21828);
            Assert.InRange(RtcpInterval.Next(true, 100, random).TotalSeconds, 1.25 / 1.21828, 3.75 / 1.21828);
        }
    }
}
