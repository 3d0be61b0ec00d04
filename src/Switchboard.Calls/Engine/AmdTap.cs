using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Amd;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Feeds the callee's audio to the answering-machine detector on the media receive thread, without allocating,
/// and hands each event to the call's loop as a message. The detector's clock is the audio itself, so a peer
/// that sends nothing while silent (voice activity detection, or a phone that stops after "Hello?") would
/// stall it: a timer feeds a pause in the peer's packets as silence (<see cref="PacketPause"/>). The lock only
/// orders the receive thread and the timer, which rarely meet.
/// </summary>
internal sealed class AmdTap : IAudioTap, IDisposable
{
    private static readonly short[] SilentFrame = new short[AnsweringMachineDetector.FrameSamples];

    private readonly AnsweringMachineDetector _detector;
    private readonly AmdEvent[] _events = new AmdEvent[AnsweringMachineDetector.MaxEvents];
    private readonly ChannelWriter<CallMessage> _inbox;
    private readonly PacketPause _pause;
    private readonly Lock _gate = new();
    private readonly ITimer _gapTimer;
    private bool _complete;

    public AmdTap(AnsweringMachineDetector detector, ChannelWriter<CallMessage> inbox, TimeProvider time)
    {
        _detector = detector;
        _inbox = inbox;
        _pause = new PacketPause(time);
        _gapTimer = time.CreateTimer(static state => ((AmdTap)state!).FillGap(), this, PacketPause.CheckPeriod, PacketPause.CheckPeriod);
    }

    public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        if (direction != AudioDirection.Received)
        {
            return;
        }

        lock (_gate)
        {
            _pause.OnAudio();
            Feed(samples);
        }
    }

    public void Dispose() => _gapTimer.Dispose();

    /// <summary>Timer: feeds a pause in the peer's packets as silence.</summary>
    private void FillGap()
    {
        lock (_gate)
        {
            for (var gap = _pause.TakeSilence(); !_complete && gap >= AnsweringMachineDetector.FrameDuration; gap -= AnsweringMachineDetector.FrameDuration)
            {
                Feed(SilentFrame);
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
