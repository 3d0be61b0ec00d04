using System.Globalization;

namespace Switchboard.Bench.Sip;

/// <summary>
/// The CPU time and peak resident memory of a Linux process, read from <c>/proc/&lt;pid&gt;/stat</c> and
/// <c>/proc/&lt;pid&gt;/status</c> (proc(5)), so that our process and a SIPp process are measured the same way.
/// </summary>
internal readonly record struct ProcessUsage(TimeSpan Cpu, long PeakResidentBytes)
{
    // proc(5): utime, stime, cutime and cstime count clock ticks of sysconf(_SC_CLK_TCK), which is USER_HZ: 100 on
    // every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static ProcessUsage Read(int processId)
    {
        var fields = StatFieldsAfterName($"/proc/{processId}/stat");
        return new ProcessUsage(Ticks(fields, 14) + Ticks(fields, 15), PeakResident($"/proc/{processId}/status"));
    }

    /// <summary>
    /// The CPU time of this process's children that have exited and been waited for (cutime + cstime): how a child's
    /// whole CPU time is read after it ends, when its own /proc entry is gone.
    /// </summary>
    public static TimeSpan ReapedChildrenCpu()
    {
        var fields = StatFieldsAfterName("/proc/self/stat");
        return Ticks(fields, 16) + Ticks(fields, 17);
    }

    /// <summary>The fields after the command name, which is in parentheses and may itself hold spaces.</summary>
    private static string[] StatFieldsAfterName(string path)
    {
        var text = File.ReadAllText(path);
        return text[(text.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>Field <paramref name="field"/> as proc(5) numbers them from 1; the first after the name is field 3.</summary>
    private static TimeSpan Ticks(string[] fieldsAfterName, int field) =>
        TimeSpan.FromSeconds(long.Parse(fieldsAfterName[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond);

    /// <summary>VmHWM, the peak resident set size, given in kB.</summary>
    private static long PeakResident(string path)
    {
        var line = File.ReadLines(path).First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
