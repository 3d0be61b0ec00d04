using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Amd;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Feeds the callee's audio to the answering-machine detector on the media receive thread, without allocating,
/// and hands each event to the call's loop as a message. The detector's clock is the audio itself, so a peer
/// that sends nothing while silent (voice activity detection, or a phone that stops after "Hello?") would
/// stall it: a timer checks how far the audio lags the wall clock and feeds that gap as silence. The lock only
/// orders the receive thread and the timer, which rarely meet.
/// </summary>
internal sealed class AmdTap : IAudioTap, IDisposable
{
    /// <summary>How far the audio may lag the wall clock (jitter, the first packet) before the gap counts as silence.</summary>
    public static readonly TimeSpan GapSlack = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the gap is checked: the latency added to a decision that waits on silence.</summary>
    public static readonly TimeSpan GapCheckPeriod = TimeSpan.FromMilliseconds(100);

    private static readonly short[] SilentFrame = new short[AnsweringMachineDetector.FrameSamples];

    private readonly AnsweringMachineDetector _detector;
    private readonly AmdEvent[] _events = new AmdEvent[AnsweringMachineDetector.MaxEvents];
    private readonly ChannelWriter<CallMessage> _inbox;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly ITimer _gapTimer;
    private bool _complete;

    public AmdTap(AnsweringMachineDetector detector, ChannelWriter<CallMessage> inbox, TimeProvider time)
    {
        _detector = detector;
        _inbox = inbox;
        _time = time;
        _started = time.GetTimestamp();
        _gapTimer = time.CreateTimer(static state => ((AmdTap)state!).FillGap(), this, GapCheckPeriod, GapCheckPeriod);
    }

    public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        if (direction != AudioDirection.Received)
        {
            return;
        }

        lock (_gate)
        {
            Feed(samples);
        }
    }

    public void Dispose() => _gapTimer.Dispose();

    /// <summary>Timer: feeds silence for the audio that should have arrived by now and did not.</summary>
    private void FillGap()
    {
        lock (_gate)
        {
            var behind = _time.GetElapsedTime(_started) - _detector.Elapsed - GapSlack;
            while (!_complete && behind >= AnsweringMachineDetector.FrameDuration)
            {
                Feed(SilentFrame);
                behind -= AnsweringMachineDetector.FrameDuration;
            }
        }
    }

    private void Feed(ReadOnlySpan<short> samples)
    {
        if (_complete)
        {
            return;
        }

        var count = _detector.Process(samples, _events);
        for (var i = 0; i < count; i++)
        {
            _inbox.TryWrite(new AmdDetected(_events[i]));
        }

        if (_detector.IsComplete)
        {
            _complete = true;
            _inbox.TryWrite(new AmdCompleted());
        }
    }
}
