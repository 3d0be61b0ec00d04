namespace Switchboard.Calls.Verbs;

/// <summary>
/// jambonz <c>mixType</c>: <see cref="Mono"/> sends what the caller says; <see cref="Stereo"/> two interleaved channels
/// (the caller left, what the call plays right); <see cref="Mixed"/> both summed into one channel.
/// </summary>
public enum ListenMixType
{
    Mono,
    Stereo,
    Mixed,
}
