namespace Switchboard.Sip.Registration;

/// <summary>
/// The wait before retrying a failed registration: exponential from the initial wait, capped, with jitter so that
/// many clients cut off together (a carrier restart) do not all come back in the same second.
/// </summary>
public static class RegistrationBackoff
{
    /// <summary>
    /// The wait after <paramref name="failures"/> consecutive failures (1 or more): min(max, initial·2^(failures−1)),
    /// scaled into its upper half by <paramref name="random"/> in [0, 1) ("equal jitter").
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var ceiling = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (0.5 * Math.Clamp(random, 0, 1)))));
    }
}
