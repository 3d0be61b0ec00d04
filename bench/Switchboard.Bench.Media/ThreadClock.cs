namespace Switchboard.Bench.Media;

/// <summary>The CPU time of the calling thread (Linux).</summary>
internal static class ThreadClock
{
    public static TimeSpan Cpu()
    {
        // Fields 14 and 15 (utime, stime) in clock ticks, counted after the ')' that ends the command name.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
