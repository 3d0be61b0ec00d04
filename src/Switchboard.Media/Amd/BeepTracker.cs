namespace Switchboard.Media.Amd;

/// <summary>
/// Follows a run of tone frames and confirms a beep once the run has held one frequency (within 3 %) for
/// the required number of frames. Reports each beep once.
/// </summary>
internal sealed class BeepTracker
{
    /// <summary>Beeps hold their pitch; a sung or spoken vowel drifts more than this within 150 ms.</summary>
    private const double FrequencyTolerance = 0.03;

    private readonly int _requiredFrames;
    private int _frames;
    private double _first;
    private double _sum;
    private bool _reported;

    public BeepTracker(int requiredFrames) => _requiredFrames = requiredFrames;

    /// <summary>A run of tone frames is under way that may yet become a beep.</summary>
    public bool InProgress => _frames > 0 && !_reported;

    /// <summary>The mean frequency of the current run, in Hz.</summary>
    public double Frequency => _frames == 0 ? 0 : _sum / _frames;

    /// <summary>Feeds one frame's tone frequency (0 when it is not a tone); true on the frame that confirms a beep.</summary>
    public bool Track(double frequency)
    {
        if (frequency <= 0)
        {
            _frames = 0;
            _reported = false;
            return false;
        }

        if (_frames == 0 || Math.Abs(frequency - _first) > _first * FrequencyTolerance)
        {
            _frames = 0;
            _sum = 0;
            _first = frequency;
            _reported = false;
        }

        _frames++;
        _sum += frequency;
        if (_reported || _frames < _requiredFrames)
        {
            return false;
        }

        _reported = true;
        return true;
    }
}
