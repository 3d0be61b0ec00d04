namespace Switchboard.Media.Streams;

/// <summary>
/// Hears when the audio before a mark has been played, or was cleared before it could be. Called on the media clock
/// thread: queue what you need and return at once, without blocking.
/// </summary>
public interface IPlayoutMarkObserver
{
    /// <param name="name">The mark's name.</param>
    /// <param name="kind">The producer's own tag for the mark (e.g. an agent's mark or the end of a clip it sent).</param>
    /// <param name="cleared">Whether the audio before it was cleared rather than played.</param>
    void OnMarkReached(string name, int kind, bool cleared);
}
