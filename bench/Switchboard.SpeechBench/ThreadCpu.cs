using System.Runtime.InteropServices;

namespace Switchboard.SpeechBench;

/// <summary>CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID)): what one recognition costs, whatever else the machine runs.</summary>
static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Seconds()
    {
        ClockGetTime(ClockThreadCpuTime, out var t);
        return t.Seconds + (t.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
