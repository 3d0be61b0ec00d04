using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Switchboard.Media.Clock;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp. <see cref="Thread.Sleep(int)"/> counts whole milliseconds
/// and may overshoot by one, so the clock used to spin the last millisecond before every deadline: 5 % of a
/// core at one deadline per period, 20 % at four. On Linux, where <see cref="Stopwatch"/> reads
/// <c>CLOCK_MONOTONIC</c> in nanoseconds, <c>clock_nanosleep(2)</c> with <c>TIMER_ABSTIME</c> sleeps to the
/// deadline itself and wakes within the timer slack (50 µs by default), so only that much is spun.
/// </summary>
internal static unsafe partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;

    private static readonly long SpinMargin = Stopwatch.Frequency / 10_000;
    private static readonly long CoarseSpin = Stopwatch.Frequency / 1000;
    private static readonly bool s_absolute = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    public static void Until(long deadline)
    {
        var remaining = deadline - Stopwatch.GetTimestamp();
        if (s_absolute)
        {
            if (remaining > SpinMargin)
            {
                var wake = deadline - SpinMargin;
                var time = stackalloc long[2] { wake / 1_000_000_000, wake % 1_000_000_000 };

                // EINTR (a signal) returns early: the caller's loop comes back with the same deadline.
                if (ClockNanosleep(ClockMonotonic, TimerAbsolute, time, null) != 0)
                {
                    return;
                }
            }
        }
        else if (remaining > 2 * CoarseSpin)
        {
            Thread.Sleep((int)((remaining - CoarseSpin) * 1000 / Stopwatch.Frequency));
            return;
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(20);
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, long* request, long* remain);
}
