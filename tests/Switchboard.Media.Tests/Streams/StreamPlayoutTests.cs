using Switchboard.Media.Streams;

namespace Switchboard.Media.Tests.Streams;

public sealed class StreamPlayoutTests
{
    private readonly List<(string Name, bool Cleared)> _marks = [];

    private sealed class Marks(List<(string, bool)> seen) : IPlayoutMarkObserver
    {
        public void OnMarkReached(string name, int kind, bool cleared) => seen.Add((kind == 0 ? name : $"{name}#{kind}", cleared));
    }

    private StreamPlayout Create(int capacity = 8000 * 30) => new(capacity, new Marks(_marks));

    [Fact]
    public void ABurstOfTwoSeconds_PlaysAFramePerTick_NothingDroppedOrSkipped()
    {
        var playout = Create();
        var burst = Enumerable.Range(0, 16000).Select(i => (short)i).ToArray();

        playout.Write(burst);

        var frame = new short[160];
        for (var tick = 0; tick < 100; tick++)
        {
            Assert.True(playout.TryReadFrame(frame));
            Assert.Equal((short)(tick * 160), frame[0]);
            Assert.Equal((short)((tick * 160) + 159), frame[159]);
        }

        Assert.False(playout.TryReadFrame(frame));
        Assert.Equal(0, playout.DroppedSamples);
        Assert.Equal(100, playout.PlayedFrames);
    }

    [Fact]
    public void Clear_EmptiesTheBufferAtTheNextTick()
    {
        var playout = Create();
        playout.Write(new short[16000]);
        var frame = new short[160];
        Assert.True(playout.TryReadFrame(frame));

        playout.Clear();

        Assert.False(playout.TryReadFrame(frame));
        Assert.Equal(0, playout.Buffered);
    }

    [Fact]
    public void AudioWrittenAfterAClear_StillPlays()
    {
        var playout = Create();
        playout.Write(new short[1600]);
        playout.Clear();
        playout.Write(Enumerable.Repeat((short)7, 160).ToArray());

        var frame = new short[160];
        Assert.True(playout.TryReadFrame(frame));
        Assert.All(frame, sample => Assert.Equal(7, sample));
    }

    [Fact]
    public void AMark_IsReported_OnlyOnceTheAudioBeforeItHasPlayed()
    {
        var playout = Create();
        playout.Write(new short[480]);
        playout.Mark("end-of-sentence");
        var frame = new short[160];

        playout.TryReadFrame(frame);
        playout.TryReadFrame(frame);
        Assert.Empty(_marks);

        playout.TryReadFrame(frame);
        Assert.Equal([("end-of-sentence", false)], _marks);
    }

    [Fact]
    public void MarksNotReached_AreReportedCleared_ByAClear()
    {
        var playout = Create();
        playout.Write(new short[1600]);
        playout.Mark("a");
        playout.Write(new short[1600]);
        playout.Mark("b");

        playout.Clear();
        playout.TryReadFrame(new short[160]);

        Assert.Equal([("a", true), ("b", true)], _marks);
    }

    [Fact]
    public void ClearMarks_ForgetsThemWithoutAReport()
    {
        var playout = Create();
        playout.Write(new short[320]);
        playout.Mark("a");
        playout.Mark("end", kind: 1);
        playout.Mark("b");
        playout.ClearMarks();

        playout.TryReadFrame(new short[160]);
        playout.TryReadFrame(new short[160]);

        // Only the agent's own kind is forgotten; the other kind is still reported.
        Assert.Equal([("end#1", false)], _marks);
    }

    [Fact]
    public void AfterSilence_APartialFrame_PlaysAtOnce_WithTheSilenceFirst()
    {
        var playout = Create();
        playout.Write(Enumerable.Repeat((short)5, 100).ToArray());
        var frame = new short[160];

        Assert.True(playout.TryReadFrame(frame));

        Assert.Equal(0, frame[59]);
        Assert.Equal(5, frame[60]);
        Assert.Equal(5, frame[159]);
    }

    [Fact]
    public void WhilePlaying_APartialTail_WaitsATick_ThenPlaysPaddedWithSilence()
    {
        var playout = Create();
        playout.Write(Enumerable.Repeat((short)5, 260).ToArray());
        var frame = new short[160];
        Assert.True(playout.TryReadFrame(frame));

        Assert.False(playout.TryReadFrame(frame));
        Assert.True(playout.TryReadFrame(frame));

        Assert.Equal(5, frame[99]);
        Assert.Equal(0, frame[100]);
    }

    [Fact]
    public void MoreThanItHolds_IsDroppedAndCounted_NeverWaitedFor()
    {
        var playout = Create(capacity: 1024);

        playout.Write(new short[1000]);
        playout.Write(new short[1000]);

        Assert.Equal(1024, playout.Buffered);
        Assert.Equal(976, playout.DroppedSamples);
    }

    [Fact]
    public void AudioAfterASilence_StartsATalkspurt_AudioWhilePlayingDoesNot()
    {
        var playout = Create();
        var starts = 0;
        playout.TalkspurtStarting = () => starts++;
        var frame = new short[160];

        playout.Write(new short[160]);
        Assert.Equal(1, starts);
        Assert.True(playout.TryReadFrame(frame));
        playout.Write(new short[160]);
        Assert.True(playout.TryReadFrame(frame));
        Assert.Equal(1, starts);

        // Nothing to play for a tick: the next audio is a new talkspurt.
        Assert.False(playout.TryReadFrame(frame));
        playout.Write(new short[160]);
        Assert.Equal(2, starts);
    }

    [Fact]
    public void ARealTimeAgentsStandingFrame_IsTrimmedAtAQuietFrame_AfterTrimAfterTicks()
    {
        var playout = Create();
        var frame = new short[160];
        var loud = Enumerable.Repeat((short)8000, 160).ToArray();
        var quiet = new short[160];

        // One frame arrived late once: from then on a whole frame waits behind every frame played.
        playout.Write(quiet);
        playout.Write(quiet);
        for (var tick = 0; tick < StreamPlayout.TrimAfterTicks + 5; tick++)
        {
            // Loud frames are never dropped, however long the frame has stood.
            playout.Write(tick < StreamPlayout.TrimAfterTicks + 2 ? loud : quiet);
            Assert.True(playout.TryReadFrame(frame));
            if (playout.TrimmedFrames > 0)
            {
                break;
            }
        }

        Assert.Equal(1, playout.TrimmedFrames);
        Assert.Equal(160, playout.Buffered);
    }

    [Fact]
    public void ABurstAhead_IsNeverTrimmed_EvenWhenQuiet()
    {
        var playout = Create();
        playout.Write(new short[16000]);
        var frame = new short[160];
        var played = 0;
        while (playout.TryReadFrame(frame))
        {
            played++;
        }

        Assert.Equal(0, playout.TrimmedFrames);
        Assert.Equal(100, played);
    }
}
