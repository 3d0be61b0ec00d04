using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.StateMachines;

namespace Switchboard.Media.Amd;

/// <summary>
/// Answering-machine detection from the cadence of the greeting, after Asterisk's app_amd: a person answers
/// with a word or two ("Hello?") and waits; a machine talks for seconds, then beeps. Fed the far end's audio
/// as 8 kHz 16-bit PCM from the moment of answer; its clock is the audio itself (each 160 samples are 20 ms),
/// so results depend only on the samples, never on when they arrive. Frames are classified by level against
/// an adaptive noise floor and by voicing (<see cref="FrameAnalyzer"/>), cut into words
/// (<see cref="GreetingCadence"/>), and watched for the voicemail beep (<see cref="BeepTracker"/>).
/// Allocation-free after construction; not thread-safe (one receive loop feeds it).
/// </summary>
public sealed class AnsweringMachineDetector
{
    /// <summary>The sample rate the detector expects (G.711's).</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples per analysis frame: 20 ms.</summary>
    public const int FrameSamples = 160;

    /// <summary>Most events ever reported (machine, stopped speaking, tone): an output span this long always suffices.</summary>
    public const int MaxEvents = 3;

    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    private readonly AmdOptions _options;
    private readonly FrameAnalyzer _analyzer;
    private readonly GreetingCadence _cadence;
    private readonly BeepTracker _beep;
    private readonly long _noSpeechFrames;
    private readonly long _decisionFrames;
    private readonly long _toneFrames;
    private readonly int _completionFrames;
    private readonly int _maxGreetingFrames;
    private readonly int _afterGreetingFrames;
    private readonly StateMachine<AmdState> _state;
    private long _frames;
    private int _quietFrames;

    /// <summary>Creates a detector for one call.</summary>
    /// <param name="options">The thresholds; <see cref="AmdOptions.Default"/> when null.</param>
    /// <param name="logger">Hears of a refused state transition; none is logged when null (it is still counted).</param>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="AmdOptionsValidator"/>).</exception>
    public AnsweringMachineDetector(AmdOptions? options = null, ILogger? logger = null)
    {
        _options = options ?? AmdOptions.Default;
        var problems = AmdOptionsValidator.Validate(_options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _analyzer = new FrameAnalyzer(_options);
        _cadence = new GreetingCadence(Frames(_options.MinWordLength), Frames(_options.BetweenWordsSilence));
        _beep = new BeepTracker(Math.Max(1, (int)(_options.MinToneDuration / FrameDuration)));
        _noSpeechFrames = Frames(_options.NoSpeechTimeout);
        _decisionFrames = Frames(_options.DecisionTimeout);
        _toneFrames = Frames(_options.ToneTimeout);
        _completionFrames = Frames(_options.GreetingCompletionTimeout);
        _maxGreetingFrames = Frames(_options.MaxGreeting);
        _afterGreetingFrames = Frames(_options.AfterGreetingSilence);
        _state = new StateMachine<AmdState>(Transitions, AmdState.Listening, logger ?? NullLogger.Instance);
    }

    public AmdState State => _state.Current;

    /// <summary>True once nothing more will be reported: the caller may stop feeding audio.</summary>
    public bool IsComplete => State == AmdState.Complete;

    /// <summary>Audio analysed so far (whole frames).</summary>
    public TimeSpan Elapsed => _frames * FrameDuration;

    /// <summary>
    /// Feeds audio of any length (it is cut into 20 ms frames internally, so 30 ms packets are fine) and writes
    /// the events it causes, in order, into <paramref name="events"/>. Returns how many were written.
    /// </summary>
    /// <param name="samples">8 kHz 16-bit linear PCM, e.g. decoded G.711.</param>
    /// <param name="events">Room for at least <see cref="MaxEvents"/> events.</param>
    public int Process(ReadOnlySpan<short> samples, Span<AmdEvent> events)
    {
        if (events.Length < MaxEvents)
        {
            throw new ArgumentException($"Room for {MaxEvents} events is needed.", nameof(events));
        }

        var count = 0;
        foreach (var sample in samples)
        {
            if (State == AmdState.Complete)
            {
                break;
            }

            if (_analyzer.Add(sample, out var frameClass))
            {
                count = OnFrame(frameClass, events, count);
                _frames++;
            }
        }

        return count;
    }

    private int OnFrame(FrameClass frameClass, Span<AmdEvent> events, int count)
    {
        var beep = _beep.Track(_analyzer.ToneFrequency) && _frames < _toneFrames;
        var newWord = _cadence.Add(_frames, frameClass);
        _quietFrames = frameClass == FrameClass.Silence ? _quietFrames + 1 : 0;
        var elapsed = _frames + 1;
        switch (State)
        {
            case AmdState.Listening when beep:
            case AmdState.Greeting when beep:
                count = Emit(events, count, AmdEventKind.MachineDetected, AmdReason.Tone);
                return StoppedThenTone(events, count);

            case AmdState.Listening when newWord:
                _state.TryTransitionTo(AmdState.Greeting);
                return Decide(events, count, newWord, elapsed);

            case AmdState.Listening when elapsed >= _noSpeechFrames && !_cadence.HeardSound:
                _state.TryTransitionTo(AmdState.Complete);
                return Emit(events, count, AmdEventKind.NoSpeechDetected, AmdReason.None);

            case AmdState.Listening when elapsed >= _decisionFrames:
                _state.TryTransitionTo(AmdState.Complete);
                return Emit(events, count, AmdEventKind.DecisionTimeout, AmdReason.None);

            case AmdState.Greeting:
                return Decide(events, count, newWord, elapsed);

            case AmdState.MachineSpeaking when beep:
                return StoppedThenTone(events, count);

            case AmdState.MachineSpeaking when _quietFrames >= _completionFrames:
                _state.TryTransitionTo(AmdState.AwaitingTone);
                return Emit(events, count, AmdEventKind.MachineStoppedSpeaking, AmdReason.None);

            case AmdState.AwaitingTone when beep:
                _state.TryTransitionTo(AmdState.Complete);
                return Emit(events, count, AmdEventKind.ToneDetected, AmdReason.None);

            case AmdState.MachineSpeaking or AmdState.AwaitingTone when elapsed >= _toneFrames:
                _state.TryTransitionTo(AmdState.Complete);
                return count;

            default:
                return count;
        }
    }

    /// <summary>The greeting rules, in app_amd's order: too many words, too much speech, then a short greeting's silence.</summary>
    private int Decide(Span<AmdEvent> events, int count, bool newWord, long elapsed)
    {
        if (newWord && _cadence.Words >= _options.ThresholdWordCount)
        {
            _state.TryTransitionTo(AmdState.MachineSpeaking);
            return Emit(events, count, AmdEventKind.MachineDetected, AmdReason.WordCount);
        }

        if (_cadence.SpeechFrames >= _maxGreetingFrames)
        {
            _state.TryTransitionTo(AmdState.MachineSpeaking);
            return Emit(events, count, AmdEventKind.MachineDetected, AmdReason.LongGreeting);
        }

        // A tone under way may be the beep after a short "leave a message": wait until it is one or is not.
        if (_frames - _cadence.LastWordFrame >= _afterGreetingFrames && !_beep.InProgress)
        {
            _state.TryTransitionTo(AmdState.Complete);
            return Emit(events, count, AmdEventKind.HumanDetected, AmdReason.ShortGreeting);
        }

        if (elapsed >= _decisionFrames)
        {
            _state.TryTransitionTo(AmdState.Complete);
            return Emit(events, count, AmdEventKind.DecisionTimeout, AmdReason.None);
        }

        return count;
    }

    /// <summary>A beep ends the greeting: report that, then the beep.</summary>
    private int StoppedThenTone(Span<AmdEvent> events, int count)
    {
        count = Emit(events, count, AmdEventKind.MachineStoppedSpeaking, AmdReason.None);
        _state.TryTransitionTo(AmdState.Complete);
        return Emit(events, count, AmdEventKind.ToneDetected, AmdReason.None);
    }

    /// <summary>The detector's states as <see cref="AmdState"/> describes them: forward only, every one may end it.</summary>
    internal static TransitionTable<AmdState> Transitions { get; } = TransitionTable<AmdState>.Declare("answering machine detector")
        .Allow(AmdState.Listening, AmdState.Greeting, AmdState.Complete)
        .Allow(AmdState.Greeting, AmdState.MachineSpeaking, AmdState.Complete)
        .Allow(AmdState.MachineSpeaking, AmdState.AwaitingTone, AmdState.Complete)
        .Allow(AmdState.AwaitingTone, AmdState.Complete)
        .Build();

    private int Emit(Span<AmdEvent> events, int count, AmdEventKind kind, AmdReason reason)
    {
        events[count] = new AmdEvent(
            kind,
            (_frames + 1) * FrameDuration,
            reason,
            _cadence.Words,
            _cadence.SpeechFrames * FrameDuration,
            kind == AmdEventKind.ToneDetected ? _beep.Frequency : 0);
        return count + 1;
    }

    /// <summary>Whole frames in <paramref name="duration"/>, rounded up so a timer never fires early.</summary>
    private static int Frames(TimeSpan duration) => (int)Math.Ceiling(duration / FrameDuration);
}
