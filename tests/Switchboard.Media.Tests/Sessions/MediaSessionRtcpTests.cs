using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>RTCP on loopback: our reports, the peer's, and BYE.</summary>
public sealed class MediaSessionRtcpTests
{
    [Fact]
    public async Task TheSession_SendsSenderReportsOnTheOddPort_WithABlockOnThePeersStream()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        var (peer, rtcp) = RtpPeer.CreateWithRtcp();
        using var _ = peer;
        using var __ = rtcp;
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        // Twenty packets with two missing.
        for (ushort sequence = 0; sequence < 20; sequence++)
        {
            if (sequence is not (7 or 8))
            {
                var packet = RtpPeer.Packet(0, sequence, sequence * 160u, peer.Ssrc, new byte[160]);
                await peer.Socket.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, session.LocalPort));
            }
        }

        // Read as the peer: the block "about us" is then our block about the peer's stream.
        var (summary, from) = await ReceiveReportAsync(rtcp, peer.Ssrc);
        Assert.Equal(session.LocalPort + 1, from.Port);
        Assert.NotNull(summary.AboutUs);
        Assert.Equal(2, summary.AboutUs.Value.CumulativeLost);
        Assert.Equal(19u, summary.AboutUs.Value.ExtendedHighestSequence);
        Assert.Equal((byte)(2 * 256 / 20), summary.AboutUs.Value.FractionLost);
        Assert.Equal(session.Ssrc, summary.SenderSsrc);
        Assert.NotNull(summary.SenderInfo);
        Assert.True(summary.SenderInfo.Value.PacketCount > 0);
        Assert.Equal((uint)(summary.SenderInfo.Value.PacketCount * 160), summary.SenderInfo.Value.OctetCount);

        // The report can reach the peer before the clock thread that sent it has counted it.
        var stats = session.GetStatistics();
        for (var wait = 0; wait < 100 && stats.RtcpSent < 1; wait++)
        {
            await Task.Delay(10);
            stats = session.GetStatistics();
        }

        Assert.Equal(18, stats.PacketsReceived);
        Assert.Equal(2, stats.PacketsLost);
        Assert.Equal(0.1, stats.LossRatio, 3);
        Assert.True(stats.RtcpSent >= 1);
    }

    [Fact]
    public async Task ThePeersReceiverReport_GivesItsViewOfUs_AndTheRoundTripTime()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        var (peer, rtcp) = RtpPeer.CreateWithRtcp();
        using var _ = peer;
        using var __ = rtcp;
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        var (ours, _) = await ReceiveReportAsync(rtcp, session.Ssrc);
        var delay = TimeSpan.FromMilliseconds(30);
        await Task.Delay(delay);
        var report = new byte[64];
        var block = new RtcpReportBlock(session.Ssrc, 64, 5, 1000, 80, ours.SenderInfo!.Value.CompactNtp, (uint)(delay.TotalSeconds * 65536));
        var length = RtcpWriter.WriteReceiverReport(report, peer.Ssrc, block);
        length += RtcpWriter.WriteCname(report.AsSpan(length), peer.Ssrc, "peer"u8);
        await rtcp.SendAsync(report.AsMemory(0, length), new IPEndPoint(IPAddress.Loopback, session.LocalPort + 1));

        await MediaSessionSymmetricRtpTests.WaitUntilAsync(() => session.GetStatistics().Remote is not null);
        var stats = session.GetStatistics();
        Assert.Equal(0.25, stats.Remote!.FractionLost);
        Assert.Equal(5, stats.Remote.PacketsLost);
        Assert.Equal(TimeSpan.FromMilliseconds(10), stats.Remote.Jitter);
        Assert.NotNull(stats.RoundTripTime);
        Assert.InRange(stats.RoundTripTime.Value, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, stats.RtcpReceived);
    }

    [Fact]
    public async Task Closing_SendsBye()
    {
        await using var engine = TestEngines.Create();
        var session = engine.CreateSession(new RecordingObserver());
        var (peer, rtcp) = RtpPeer.CreateWithRtcp();
        using var _ = peer;
        using var __ = rtcp;
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var ssrc = session.Ssrc;

        await session.DisposeAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        RtcpSummary summary;
        do
        {
            var datagram = await rtcp.ReceiveAsync(timeout.Token);
            Assert.True(RtcpReader.TryRead(datagram.Buffer, 0, out summary));
        }
        while (!summary.Goodbye);

        Assert.Equal(ssrc, summary.SenderSsrc);
    }

    [Fact]
    public void AReportTick_AllocatesNothing()
    {
        using var rtpSocket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var rtcpSocket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rtcpSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var (peer, rtcp) = RtpPeer.CreateWithRtcp();
        using var _ = peer;
        using var __ = rtcp;
        var sender = new Switchboard.Media.Sessions.RtpSender(rtpSocket, 1, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var reception = new RtpReceptionStatistics();
        reception.Update(5, 1, 160, 160, measureJitter: true);
        var session = new Switchboard.Media.Sessions.RtcpSession(
            rtcpSocket, 2, sender, reception, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);
        session.SetRtpDestination(peer.EndPoint);
        session.OnTick(0);
        session.OnTick(10_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var tick = 20_000; tick < 2_000_000; tick += 10_000)
        {
            session.OnTick(tick);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(session.SentReports >= 100);
    }

    private static async Task<(RtcpSummary Summary, IPEndPoint From)> ReceiveReportAsync(UdpClient rtcp, uint blockAbout)
    {
        // The first report comes within the initial interval: 2.5 s × 1.5 / 1.21828 at most (RFC 3550 §6.3.1).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var datagram = await rtcp.ReceiveAsync(timeout.Token);
        Assert.True(RtcpReader.TryRead(datagram.Buffer, blockAbout, out var summary));
        return (summary, datagram.RemoteEndPoint);
    }
}
