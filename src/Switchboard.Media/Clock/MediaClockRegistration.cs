namespace Switchboard.Media.Clock;

/// <summary>A stream's place on a <see cref="MediaClock"/>: disposing it stops the ticks.</summary>
public sealed class MediaClockRegistration : IDisposable
{
    private readonly MediaClock _clock;
    private int _disposed;

    internal MediaClockRegistration(MediaClock clock, int slot, IMediaClockStream stream)
    {
        _clock = clock;
        Slot = slot;
        Stream = stream;
    }

    internal IMediaClockStream Stream { get; }

    /// <summary>The phase the stream is ticked in; changed only under the clock's lock.</summary>
    internal int Slot { get; set; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Ticks the stream from the next phase due on (at least <see cref="MediaClock.MoveMargin"/> away), for audio that
    /// is ready now after a silence. Allocates only when the phase changes.
    /// </summary>
    public void MoveToNextPhase() => _clock.MoveToNextPhase(this);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _clock.Unregister(this);
        }
    }
}
