using System.Runtime.InteropServices;

namespace Switchboard.SpeechBench;

/// <summary>
/// The pocketsphinx 5prealpha C API as Debian's libpocketsphinx3 and libsphinxbase3 ship it (sonames, since
/// the unversioned links come only with the -dev packages). cmd_ln_parse_r rather than the variadic cmd_ln_init.
/// </summary>
static partial class PocketSphinxNative
{
    private const string Ps = "libpocketsphinx.so.3";
    private const string Sb = "libsphinxbase.so.3";

    [LibraryImport(Ps, EntryPoint = "ps_args")]
    public static partial nint Args();

    [LibraryImport(Sb, EntryPoint = "cmd_ln_parse_r", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ParseConfig(nint config, nint definitions, int argc, string[] argv, int strict);

    [LibraryImport(Sb, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeConfig(nint config);

    [LibraryImport(Ps, EntryPoint = "ps_init")]
    public static partial nint Init(nint config);

    [LibraryImport(Ps, EntryPoint = "ps_free")]
    public static partial int Free(nint decoder);

    [LibraryImport(Ps, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetJsgfString(nint decoder, string name, string jsgf);

    [LibraryImport(Ps, EntryPoint = "ps_set_lm_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLmFile(nint decoder, string name, string path);

    [LibraryImport(Ps, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetSearch(nint decoder, string name);

    [LibraryImport(Ps, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(nint decoder);

    [LibraryImport(Ps, EntryPoint = "ps_process_raw")]
    public static unsafe partial int ProcessRaw(nint decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(Ps, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(nint decoder);

    [LibraryImport(Ps, EntryPoint = "ps_get_hyp")]
    public static partial nint GetHypothesis(nint decoder, out int bestScore);

    [LibraryImport(Ps, EntryPoint = "ps_get_prob")]
    public static partial int GetProbability(nint decoder);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    public static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>CPU time of the calling thread: what one recognition costs, whatever else the machine runs.</summary>
    public static double ThreadCpuSeconds()
    {
        const int clockThreadCpuTime = 3;
        ClockGetTime(clockThreadCpuTime, out var t);
        return t.Seconds + t.Nanoseconds / 1e9;
    }
}
