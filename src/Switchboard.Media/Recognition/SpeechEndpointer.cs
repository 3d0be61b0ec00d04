using Switchboard.Media.Amd;

namespace Switchboard.Media.Recognition;

/// <summary>
/// Voice activity over a caller's 8 kHz audio: when an utterance starts (barge-in) and when it is over (the
/// recognizer's final result is due), or that nobody spoke. Frames are classified as the answering-machine
/// detector classifies them (<see cref="FrameAnalyzer"/>: level against an adaptive noise floor, then voicing),
/// so steady line noise, a tone or a click does not start an utterance. Time is the audio's own, counted in
/// samples, plus the gaps the caller reports with <see cref="AddSilence"/> when no packets came (a phone that
/// stops sending while its user is quiet). Allocation-free; not thread-safe (one feeder).
/// </summary>
public sealed class SpeechEndpointer
{
    private static readonly TimeSpan FrameLength = TimeSpan.FromMilliseconds(20);

    private readonly EndpointingOptions _options;
    private readonly FrameAnalyzer _frames = new(AmdOptions.Default);
    private readonly int _onsetFrames;
    private readonly int _silenceFrames;
    private readonly int _maxUtteranceFrames;
    private readonly int _noSpeechFrames;
    private long _frame;
    private int _activeRun;
    private bool _runVoiced;
    private int _quietRun;
    private long _utteranceStartFrame;
    private long _waitingSinceFrame;

    public SpeechEndpointer(EndpointingOptions options)
    {
        _options = options;
        _onsetFrames = Frames(options.SpeechOnset);
        _silenceFrames = Frames(options.MaxSilence);
        _maxUtteranceFrames = Frames(options.MaxUtterance);
        _noSpeechFrames = Frames(options.NoSpeechTimeout);
    }

    public EndpointerState State { get; private set; }

    /// <summary>How much audio (and reported silence) has been heard.</summary>
    public TimeSpan Position => _frame * FrameLength;

    /// <summary>Where the current or last utterance began, from the start of listening.</summary>
    public TimeSpan? UtteranceStart { get; private set; }

    /// <summary>Where the last utterance ended (the start of the silence that ended it, or the cut).</summary>
    public TimeSpan? UtteranceEnd { get; private set; }

    /// <summary>
    /// Adds received audio. Returns what it changed; should one span hold two changes (a long buffer), the later
    /// one, which implies the earlier (an ended utterance had started).
    /// </summary>
    public SpeechEndpoint Add(ReadOnlySpan<short> samples)
    {
        var result = SpeechEndpoint.None;
        foreach (var sample in samples)
        {
            if (State == EndpointerState.Ended)
            {
                break;
            }

            if (_frames.Add(sample, out var frameClass))
            {
                result = Later(result, OnFrame(frameClass is FrameClass.Speech, frameClass is FrameClass.Speech or FrameClass.Sound));
            }
        }

        return result;
    }

    /// <summary>Time that passed without audio (no packets): it counts as silence.</summary>
    public SpeechEndpoint AddSilence(TimeSpan gap)
    {
        var result = SpeechEndpoint.None;
        for (var frames = Frames(gap); frames > 0 && State != EndpointerState.Ended; frames--)
        {
            result = Later(result, OnFrame(voiced: false, active: false));
        }

        return result;
    }

    private SpeechEndpoint OnFrame(bool voiced, bool active)
    {
        _frame++;
        return State == EndpointerState.Waiting ? WhileWaiting(voiced, active) : WhileSpeaking(active);
    }

    private SpeechEndpoint WhileWaiting(bool voiced, bool active)
    {
        if (active)
        {
            _activeRun++;
            _runVoiced |= voiced;
            if (_activeRun >= _onsetFrames && _runVoiced)
            {
                State = EndpointerState.Speaking;
                _utteranceStartFrame = _frame - _activeRun;
                UtteranceStart = _utteranceStartFrame * FrameLength;
                UtteranceEnd = null;
                _quietRun = 0;
                return SpeechEndpoint.SpeechStarted;
            }
        }
        else
        {
            (_activeRun, _runVoiced) = (0, false);
        }

        // Noise that never turns into speech must not hold the timeout off.
        if (_options.SingleUtterance && _frame - _waitingSinceFrame >= _noSpeechFrames)
        {
            State = EndpointerState.Ended;
            return SpeechEndpoint.NoSpeech;
        }

        return SpeechEndpoint.None;
    }

    private SpeechEndpoint WhileSpeaking(bool active)
    {
        _quietRun = active ? 0 : _quietRun + 1;
        if (_quietRun >= _silenceFrames)
        {
            return EndUtterance(_frame - _quietRun, SpeechEndpoint.UtteranceEnded);
        }

        return _frame - _utteranceStartFrame >= _maxUtteranceFrames ? EndUtterance(_frame, SpeechEndpoint.MaxLength) : SpeechEndpoint.None;
    }

    private SpeechEndpoint EndUtterance(long endFrame, SpeechEndpoint endpoint)
    {
        UtteranceEnd = endFrame * FrameLength;
        (_activeRun, _runVoiced, _quietRun) = (0, false, 0);
        _waitingSinceFrame = _frame;
        State = _options.SingleUtterance ? EndpointerState.Ended : EndpointerState.Waiting;
        return endpoint;
    }

    private static SpeechEndpoint Later(SpeechEndpoint earlier, SpeechEndpoint later) => later == SpeechEndpoint.None ? earlier : later;

    private static int Frames(TimeSpan time) => Math.Max(1, (int)Math.Ceiling(time / FrameLength));
}
