using System.Globalization;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>
/// What the settings let peers and calls hold open at once, against the process's open-file limit (RLIMIT_NOFILE):
/// SIP TCP and HTTP connections, one socket per RTP port, and a reserve for the rest. The limits in
/// docs/security.md only keep the process alive if they fit under it, so a start that does not fit says so.
/// </summary>
public static class DescriptorBudget
{
    /// <summary>The database, logs, listening sockets, webhook, audio and SIP connections Switchboard opens itself, espeak-ng.</summary>
    public const int Reserve = 256;

    /// <summary>Descriptors the settings allow to be open at once.</summary>
    public static long Needed(SwitchboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (long)settings.SipTcp.MaxConnections + settings.HttpMaxConnections + (settings.RtpPortMax - settings.RtpPortMin + 1) + Reserve;
    }

    /// <summary>The soft open-file limit from <paramref name="procLimits"/> (the text of /proc/self/limits); null when it has none or it is unlimited.</summary>
    public static long? OpenFileLimit(string procLimits)
    {
        ArgumentNullException.ThrowIfNull(procLimits);
        foreach (var line in procLimits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
        }

        return null;
    }

    /// <summary>The process's own soft limit (.NET raises it to the hard limit at start), or null off Linux.</summary>
    public static long? ProcessOpenFileLimit() =>
        File.Exists("/proc/self/limits") ? OpenFileLimit(File.ReadAllText("/proc/self/limits")) : null;
}
