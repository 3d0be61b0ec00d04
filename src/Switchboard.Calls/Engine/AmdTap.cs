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
/// orders the receive thread and the timer, which rarely meet. When the greeting is to be recognised, the audio is
/// also kept (in a buffer taken once) and a human or machine decision carries a copy of it.
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
    private readonly short[]? _greeting;
    private int _greetingLength;
    private bool _complete;

    /// <param name="greetingSamples">How much of the greeting to keep for a decision to carry; 0 for none.</param>
    public AmdTap(AnsweringMachineDetector detector, ChannelWriter<CallMessage> inbox, TimeProvider time, int greetingSamples = 0)
    {
        _detector = detector;
        _greeting = greetingSamples > 0 ? new short[greetingSamples] : null;
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

    private void Keep(ReadOnlySpan<short> samples)
    {
        if (_greeting is not null && _greetingLength < _greeting.Length)
        {
            var kept = Math.Min(samples.Length, _greeting.Length - _greetingLength);
            samples[..kept].CopyTo(_greeting.AsSpan(_greetingLength));
            _greetingLength += kept;
        }
    }

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

        Keep(samples);
        var count = _detector.Process(samples, _events);
        for (var i = 0; i < count; i++)
        {
            var detected = _events[i];
            _inbox.TryWrite(_greeting is not null && detected.Kind is AmdEventKind.HumanDetected or AmdEventKind.MachineDetected
                ? new AmdDetected(detected) { Greeting = _greeting[.._greetingLength] }
                : new AmdDetected(detected));
        }

        if (_detector.IsComplete)
        {
            _complete = true;
            _inbox.TryWrite(new AmdCompleted());
        }
    }
}
