using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

/// <summary>The taps listening to one direction of a session; delivery takes no lock and allocates nothing.</summary>
internal sealed class AudioTaps
{
    private readonly ListenerSet<IAudioTap> _taps = new();
    private readonly ILogger _logger;
    private readonly int _localPort;

    public AudioTaps(int localPort, ILogger logger)
    {
        _localPort = localPort;
        _logger = logger;
    }

    public bool IsEmpty => _taps.IsEmpty;

    public void Add(IAudioTap tap) => _taps.Add(tap);

    public void Remove(IAudioTap tap) => _taps.Remove(tap);

    public void Deliver(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        foreach (var tap in _taps.Items)
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
