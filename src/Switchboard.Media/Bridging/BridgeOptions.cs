namespace Switchboard.Media.Bridging;

/// <summary>How two bridged sessions pass things besides audio.</summary>
public sealed record BridgeOptions
{
    /// <summary>
    /// Keys one leg sends as RFC 4733 events are sent on to the other (as events, or as tones when that leg
    /// has no telephone-event). Keys sent as tones pass anyway, inside the audio.
    /// </summary>
    public bool PassDigits { get; init; } = true;

    public static BridgeOptions Default { get; } = new();
}
