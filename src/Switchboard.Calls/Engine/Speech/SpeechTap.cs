using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Recognition;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine.Speech;

/// <summary>
/// Listens to the caller for one step: feeds the received audio to an <see cref="UtteranceRecorder"/> on the media
/// receive thread, without allocating per frame, and hands the call's loop what changed: speech started, an
/// utterance's audio. The audio is its own clock, so a timer feeds the time the peer sent nothing (a phone that goes
/// quiet while its user is) as silence; otherwise a caller who stops talking would never be heard to stop. Only a
/// real pause counts (<see cref="PacketPause"/>): never silence cut into the middle of a word. With interim results asked for, the utterance so far is
/// handed over every <see cref="InterimEvery"/> while the caller speaks. The lock only orders the receive thread
/// and the timer.
/// </summary>
internal sealed class SpeechTap : IAudioTap, IDisposable
{
    /// <summary>How much more of an utterance is heard before the next interim result is asked for.</summary>
    public static readonly TimeSpan InterimEvery = TimeSpan.FromSeconds(1);

    private readonly UtteranceRecorder _recorder;
    private readonly ChannelWriter<CallMessage> _inbox;
    private readonly int _generation;
    private readonly TimeProvider _time;
    private readonly PacketPause _pause;
    private readonly Lock _gate = new();
    private readonly ITimer _gapTimer;
    private readonly bool _interim;
    private TimeSpan _nextInterim;
    private bool _disposed;

    public SpeechTap(EndpointingOptions options, bool interim, ChannelWriter<CallMessage> inbox, int generation, TimeProvider time)
    {
        _interim = interim;
        _recorder = new UtteranceRecorder(options);
        _inbox = inbox;
        _generation = generation;
        _time = time;
        _pause = new PacketPause(time);
        _gapTimer = time.CreateTimer(static state => ((SpeechTap)state!).FillGap(), this, PacketPause.CheckPeriod, PacketPause.CheckPeriod);
    }

    public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        if (direction != AudioDirection.Received)
        {
            return;
        }

        lock (_gate)
        {
            if (!_disposed && _recorder.State != EndpointerState.Ended)
            {
                _pause.OnAudio();
                Report(_recorder.Add(samples));
            }
        }
    }

    public void Dispose()
    {
        _gapTimer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _recorder.Dispose();
        }
    }

    /// <summary>Timer: a pause in the caller's packets counts as silence.</summary>
    private void FillGap()
    {
        lock (_gate)
        {
            if (_disposed || _recorder.State == EndpointerState.Ended)
            {
                return;
            }

            if (_pause.TakeSilence() is { } gap && gap > TimeSpan.Zero)
            {
                Report(_recorder.AddSilence(gap));
            }
        }
    }

    private void Report(SpeechEndpoint endpoint)
    {
        switch (endpoint)
        {
            case SpeechEndpoint.SpeechStarted:
                _nextInterim = InterimEvery;
                _inbox.TryWrite(new SpeechStarted(_generation));
                break;
            case SpeechEndpoint.None when _interim && _recorder.UtteranceLength >= _nextInterim && _recorder.UtteranceLength > TimeSpan.Zero:
                _nextInterim += InterimEvery;
                _inbox.TryWrite(new UtteranceGrowing(_generation, _recorder.TakeUtteranceSoFar()));
                break;
            case SpeechEndpoint.UtteranceEnded or SpeechEndpoint.MaxLength:
                _inbox.TryWrite(new UtteranceHeard(_generation, _recorder.TakeUtterance(), endpoint == SpeechEndpoint.MaxLength));
                break;
        }
    }
}
