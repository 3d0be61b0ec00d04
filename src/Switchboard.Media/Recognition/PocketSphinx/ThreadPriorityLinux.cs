using System.Runtime.InteropServices;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// A thread's nice value. .NET's <see cref="Thread.Priority"/> does nothing on Linux; setpriority(2) with
/// PRIO_PROCESS and a thread id sets one thread's nice value (a Linux property: threads are scheduled entities),
/// and raising it needs no privilege.
/// </summary>
internal static partial class ThreadPriorityLinux
{
    private const int PrioProcess = 0;

    /// <summary>Lowers the calling thread to <paramref name="nice"/>; on other systems, or if refused, leaves it as it is.</summary>
    public static void Lower(int nice)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetPriority(PrioProcess, GetThreadId(), nice);
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
