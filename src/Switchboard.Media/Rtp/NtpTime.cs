namespace Switchboard.Media.Rtp;

/// <summary>Wallclock time in the 64-bit NTP format RTCP uses (RFC 3550 §4): seconds since 1900-01-01 as 32.32 fixed point.</summary>
public static class NtpTime
{
    private static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ulong FromDateTime(DateTimeOffset time)
    {
        var ticks = (time - Epoch).Ticks;
        var seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        var fraction = (ulong)(ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits (16.16 seconds), the unit of LSR, DLSR and round-trip arithmetic (§6.4.1).</summary>
    public static uint Compact(DateTimeOffset time) => (uint)(FromDateTime(time) >> 16);
}
