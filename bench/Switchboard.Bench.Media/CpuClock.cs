namespace Switchboard.Bench.Media;

/// <summary>
/// CPU time (user + system) from Linux's /proc stat files: of the calling thread, or of a whole process with
/// all its threads (how the rtpengine run charges the daemon).
/// </summary>
internal static class CpuClock
{
    public static TimeSpan CurrentThread() => Read("/proc/thread-self/stat");

    public static TimeSpan OfProcess(int processId) => Read($"/proc/{processId}/stat");

    private static TimeSpan Read(string statPath)
    {
        // proc(5): fields 14 and 15 (utime, stime) in clock ticks (USER_HZ, 100 on Linux), counted after the ')'
        // that ends the command name, since the name itself may hold spaces.
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
