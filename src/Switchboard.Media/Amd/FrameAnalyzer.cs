namespace Switchboard.Media.Amd;

/// <summary>
/// Classifies 20 ms frames of 8 kHz audio for <see cref="AnsweringMachineDetector"/>: level against a fixed
/// silence threshold and an adaptive <see cref="NoiseFloor"/>, then tone (<see cref="ToneEstimator"/>) or
/// voicing (<see cref="Voicing"/>). Keeps the previous frame for the pitch search. Allocation-free.
/// </summary>
internal sealed class FrameAnalyzer
{
    public const int FrameLength = AnsweringMachineDetector.FrameSamples;

    /// <summary>A frame is a tone when one frequency holds this share of it (about the tone's fill of the frame).</summary>
    private const float ToneShare = 0.6f;

    /// <summary>Slack on the beep range, so a tone at either end of it is not lost to measurement error.</summary>
    private const double RangeSlack = 0.01;

    /// <summary>One-pole DC blocker (corner near 6 Hz): an offset would make any signal look periodic.</summary>
    private const float DcPole = 0.995f;

    private readonly float[] _window = new float[2 * FrameLength];
    private readonly NoiseFloor _floor;
    private readonly double _silenceThresholdDbfs;
    private readonly double _aboveNoiseDb;
    private readonly double _minTone;
    private readonly double _maxTone;
    private int _filled;
    private float _lastInput;
    private float _lastOutput;

    public FrameAnalyzer(AmdOptions options)
    {
        _silenceThresholdDbfs = options.SilenceThresholdDbfs;
        _aboveNoiseDb = options.SpeechAboveNoiseDb;
        _minTone = options.MinToneFrequency * (1 - RangeSlack);
        _maxTone = options.MaxToneFrequency * (1 + RangeSlack);
        _floor = new NoiseFloor(options.SilenceThresholdDbfs);
    }

    /// <summary>The frequency of the last frame if it was <see cref="FrameClass.Tone"/>, else 0.</summary>
    public double ToneFrequency { get; private set; }

    /// <summary>The last frame's level, in dBFS.</summary>
    public double LevelDbfs { get; private set; }

    /// <summary>The noise floor after the last frame, in dBFS.</summary>
    public double NoiseFloorDbfs => _floor.Level;

    /// <summary>Adds one sample; true when it completes a frame, whose class is then in <paramref name="frameClass"/>.</summary>
    public bool Add(short sample, out FrameClass frameClass)
    {
        var x = sample / 32768f;
        _lastOutput = x - _lastInput + (DcPole * _lastOutput);
        _lastInput = x;
        _window[FrameLength + _filled++] = _lastOutput;
        if (_filled < FrameLength)
        {
            frameClass = FrameClass.Silence;
            return false;
        }

        _filled = 0;
        frameClass = Classify();
        _window.AsSpan(FrameLength).CopyTo(_window);
        return true;
    }

    private FrameClass Classify()
    {
        var frame = _window.AsSpan(FrameLength);
        float sum = 0;
        foreach (var x in frame)
        {
            sum += x * x;
        }

        LevelDbfs = 10 * Math.Log10((sum / FrameLength) + 1e-12);
        ToneFrequency = 0;
        var result = FrameClass.Silence;
        if (LevelDbfs >= _silenceThresholdDbfs)
        {
            var frequency = ToneEstimator.Frequency(frame, AnsweringMachineDetector.SampleRate);
            if (frequency >= _minTone && frequency <= _maxTone
                && ToneEstimator.Share(frame, frequency, AnsweringMachineDetector.SampleRate) >= ToneShare)
            {
                ToneFrequency = frequency;
                result = FrameClass.Tone;
            }
            else if (LevelDbfs >= _floor.Level + _aboveNoiseDb)
            {
                result = Voicing.IsVoiced(_window, FrameLength) ? FrameClass.Speech : FrameClass.Sound;
            }
        }

        _floor.Update(LevelDbfs);
        return result;
    }
}
