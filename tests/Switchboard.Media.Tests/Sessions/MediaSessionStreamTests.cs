using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Media.Streams;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionStreamTests
{
    [Fact]
    public async Task AnAgentsAudio_PlaysOverTheClip_TheLatestStreamFirst_AndEachStopHandsBack()
    {
        await using var engine = TestEngines.Create();
        var session = engine.CreateSession(new RecordingObserver());
        using var sink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)sink.Client.LocalEndPoint!).Port)).IsSuccess);
        var tap = new CollectingTap();
        session.AddAudioTap(tap, AudioDirection.Sent);
        var clip = session.PlayAsync(new AudioClip(Enumerable.Repeat((short)-4000, 8000 * 30).ToArray()), CancellationToken.None);
        var background = new StreamPlayout(8000 * 30);
        var foreground = new StreamPlayout(8000 * 30);
        background.Write(Enumerable.Repeat((short)1000, 8000 * 20).ToArray());
        foreground.Write(Enumerable.Repeat((short)3000, 8000 * 20).ToArray());

        Assert.InRange(await LevelAsync(tap), -4200, -3800);
        session.PlayStream(background);
        Assert.InRange(await LevelAsync(tap), 900, 1100);
        session.PlayStream(foreground);
        Assert.InRange(await LevelAsync(tap), 2800, 3200);
        session.StopStream(foreground);
        Assert.InRange(await LevelAsync(tap), 900, 1100);
        session.StopStream(background);
        Assert.InRange(await LevelAsync(tap), -4200, -3800);

        Assert.False(clip.IsCompleted);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task TalkspurtsThatMoveTheStreamsPhase_KeepTheRtpTimestampsRising_AndMarkEachStart()
    {
        await using var engine = TestEngines.Create();
        var session = engine.CreateSession(new RecordingObserver());
        using var sink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)sink.Client.LocalEndPoint!).Port)).IsSuccess);
        var playout = new StreamPlayout(8000 * 30);
        session.PlayStream(playout);
        var received = new List<(ushort Sequence, uint Timestamp, bool Marker)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var packet = await sink.ReceiveAsync(stop.Token);
                var bytes = packet.Buffer;
                received.Add(((ushort)((bytes[2] << 8) | bytes[3]), (uint)((bytes[4] << 24) | (bytes[5] << 16) | (bytes[6] << 8) | bytes[7]), (bytes[1] & 0x80) != 0));
            }
        });

        // Talkspurts at odd moments, each after a silence, so most of them move the stream to another phase.
        for (var spurt = 0; spurt < 12; spurt++)
        {
            await Task.Delay(60 + (spurt * 7));
            playout.Write(Enumerable.Repeat((short)6000, 320).ToArray());
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving);
        Assert.True(received.Count > 100, $"only {received.Count} packets");
        for (var i = 1; i < received.Count; i++)
        {
            Assert.Equal((ushort)(received[i - 1].Sequence + 1), received[i].Sequence);
            var step = unchecked(received[i].Timestamp - received[i - 1].Timestamp);
            Assert.True(step is > 0 and < 160 * 10 && step % 160 == 0, $"timestamp step {step} at packet {i}");
        }

        Assert.True(received.Count(packet => packet.Marker) >= 12, "each talkspurt starts with a marker");
        await session.DisposeAsync();
    }

    /// <summary>The level of what is sent a few frames from now (the change has reached the clock by then).</summary>
    private static async Task<int> LevelAsync(CollectingTap tap)
    {
        await Task.Delay(120);
        tap.Sent.Clear();
        await Task.Delay(100);
        var frame = tap.Sent.Last();
        return (int)frame.Average(sample => (double)sample);
    }
}
