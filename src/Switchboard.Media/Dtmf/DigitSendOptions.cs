namespace Switchboard.Media.Dtmf;

/// <summary>How long each key sounds and how long the silence after it lasts (rounded up to whole 20 ms frames).</summary>
/// <param name="ToneDuration">The key's duration: 40 ms (ITU-T Q.24's shortest accepted tone) to 5 s.</param>
/// <param name="Gap">The silence after each key, at least 40 ms so a receiver sees two presses of the same key.</param>
public sealed record DigitSendOptions(TimeSpan ToneDuration, TimeSpan Gap)
{
    /// <summary>100 ms tones with 100 ms gaps: ten keys a second is slower than any receiver needs.</summary>
    public static DigitSendOptions Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

    /// <summary>Throws when a duration is outside its range.</summary>
    public void Validate()
    {
        if (ToneDuration < TimeSpan.FromMilliseconds(40) || ToneDuration > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentOutOfRangeException(nameof(ToneDuration), ToneDuration, "A key lasts 40 ms to 5 s.");
        }

        if (Gap < TimeSpan.FromMilliseconds(40) || Gap > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentOutOfRangeException(nameof(Gap), Gap, "The gap after a key lasts 40 ms to 5 s.");
        }
    }
}
