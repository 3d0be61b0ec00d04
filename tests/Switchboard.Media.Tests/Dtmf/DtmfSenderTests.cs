using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>The key sender's frames tick by tick, without a clock or sockets.</summary>
public sealed class DtmfSenderTests
{
    [Fact]
    public void AKey_IsUpdatesThenThreeEndPackets_AtOneTimestamp_ThenAGap()
    {
        var sender = new DtmfSender();
        var task = sender.Enqueue(new DigitRequest("9", 800, 800), CancellationToken.None);
        var frames = Run(sender, 12, inBand: false);

        Assert.Equal(
            [DtmfFrame.Event, DtmfFrame.Event, DtmfFrame.Event, DtmfFrame.Event, DtmfFrame.Event, DtmfFrame.Event, DtmfFrame.Event,
             DtmfFrame.Pause, DtmfFrame.Pause, DtmfFrame.Pause, DtmfFrame.None, DtmfFrame.None],
            frames.Select(f => f.Frame));
        var events = frames.Where(f => f.Frame == DtmfFrame.Event).ToList();
        Assert.All(events, e => Assert.Equal(0u, e.Timestamp));
        Assert.Equal([true, false, false, false, false, false, false], events.Select(e => e.Marker));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], events.Select(e => (int)e.Event.Duration));
        Assert.Equal([false, false, false, false, true, true, true], events.Select(e => e.Event.End));
        Assert.All(events, e => Assert.Equal(9, e.Event.Event));
        Assert.All(events, e => Assert.Equal(DtmfSender.Volume, e.Event.Volume));
        Assert.True(task.IsCompletedSuccessfully);
    }

    [Fact]
    public void TheNextKey_StartsAtTheTickAfterTheGap_WithItsOwnTimestamp()
    {
        var sender = new DtmfSender();
        _ = sender.Enqueue(new DigitRequest("*w#", 320, 640), CancellationToken.None);
        var frames = Run(sender, 60, inBand: false);

        var starts = frames.Where(f => f.Marker).ToList();
        Assert.Equal([10, 11], starts.Select(s => (int)s.Event.Event));

        // '*' 2 updates + 2 repeats, then 2 gap frames; 'w' 25 frames of pause; '#' starts at tick 31.
        Assert.Equal([0u, 31u * 160], starts.Select(s => s.Timestamp));
    }

    [Fact]
    public void Cancelling_EndsTheSoundingKeyWithEndPackets_AndDropsTheRest()
    {
        var sender = new DtmfSender();
        using var cancel = new CancellationTokenSource();
        var task = sender.Enqueue(new DigitRequest("12", 8000, 800), cancel.Token);
        var first = Run(sender, 2, inBand: false);
        cancel.Cancel();
        var rest = Run(sender, 8, inBand: false, startTick: 2);

        Assert.True(task.IsCanceled);
        Assert.All(first, f => Assert.False(f.Event.End));
        Assert.Equal([true, true, true], rest.Where(f => f.Frame == DtmfFrame.Event).Select(f => f.Event.End));
        Assert.DoesNotContain(rest, f => f.Marker);
        Assert.Equal(DtmfFrame.None, rest[^1].Frame);
    }

    [Fact]
    public void InBand_AKeyIsToneFramesThenPause()
    {
        var sender = new DtmfSender();
        _ = sender.Enqueue(new DigitRequest("5", 480, 320), CancellationToken.None);
        var frames = Run(sender, 6, inBand: true);

        Assert.Equal([DtmfFrame.Tone, DtmfFrame.Tone, DtmfFrame.Tone, DtmfFrame.Pause, DtmfFrame.Pause, DtmfFrame.None], frames.Select(f => f.Frame));
        Assert.Contains(frames[0].Pcm, s => Math.Abs((int)s) > 4000);
    }

    private static List<(DtmfFrame Frame, bool Marker, uint Timestamp, TelephoneEvent Event, short[] Pcm)> Run(
        DtmfSender sender, int ticks, bool inBand, int startTick = 0)
    {
        var result = new List<(DtmfFrame, bool, uint, TelephoneEvent, short[])>();
        for (var tick = startTick; tick < startTick + ticks; tick++)
        {
            var payload = new byte[4];
            var pcm = new short[160];
            var frame = sender.Next((uint)(tick * 160), inBand, payload, pcm, out var marker);
            TelephoneEvent.TryParse(payload, out var telephoneEvent);
            result.Add((frame, marker, sender.EventTimestamp, telephoneEvent, pcm));
        }

        return result;
    }
}
