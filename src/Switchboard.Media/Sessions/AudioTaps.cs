using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The taps listening to one direction of a session. Adding or removing swaps an immutable array, so
/// delivery on the media threads takes no lock and allocates nothing, and an empty set costs one read.
/// </summary>
internal sealed class AudioTaps
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly int _localPort;
    private volatile IAudioTap[] _taps = [];

    public AudioTaps(int localPort, ILogger logger)
    {
        _localPort = localPort;
        _logger = logger;
    }

    public bool IsEmpty => _taps.Length == 0;

    public void Add(IAudioTap tap)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_taps, tap) < 0)
            {
                _taps = [.. _taps, tap];
            }
        }
    }

    public void Remove(IAudioTap tap)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_taps, tap) >= 0)
            {
                _taps = [.. _taps.Where(t => t != tap)];
            }
        }
    }

    public void Deliver(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        foreach (var tap in _taps)
        {
            try
            {
                tap.OnAudio(direction, samples);
            }
            catch (Exception exception)
            {
                // A listener's bug must not stop the call's media.
                Log.TapFailed(_logger, _localPort, exception);
            }
        }
    }
}
