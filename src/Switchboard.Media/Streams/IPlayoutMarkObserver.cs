namespace Switchboard.Media.Streams;

/// <summary>
/// Hears when the audio before a mark has been played, or was cleared before it could be. Called on the media clock
/// thread: queue what you need and return at once, without blocking.
/// </summary>
public interface IPlayoutMarkObserver
{
    void OnMarkReached(string name, bool cleared);
}
