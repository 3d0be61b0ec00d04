namespace Switchboard.Media.Clock;

/// <summary>
/// Something paced by the <see cref="MediaClock"/>, e.g. an outgoing RTP stream. Called on the clock
/// thread: do one frame's work without blocking or allocating, and return.
/// </summary>
public interface IMediaClockStream
{
    /// <summary>
    /// One packet time has passed; <paramref name="tick"/> counts periods since the clock started. A stream moved to
    /// another phase (<see cref="MediaClockRegistration.MoveToNextPhase"/>) may see one number twice or miss one.
    /// </summary>
    void OnTick(long tick);
}
