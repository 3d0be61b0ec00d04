using System.Runtime.InteropServices;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// The pocketsphinx 5prealpha C API as Debian's libpocketsphinx3 and libsphinxbase3 ship it. The sonames are
/// named because the unversioned links come only with the -dev packages; cmd_ln_parse_r is used rather than the
/// variadic cmd_ln_init, which P/Invoke cannot call portably. A decoder is not thread-safe: one caller at a time.
/// </summary>
internal static partial class PocketSphinxNative
{
    private const string Ps = "libpocketsphinx.so.3";
    private const string Sb = "libsphinxbase.so.3";

    [LibraryImport(Ps, EntryPoint = "ps_args")]
    public static partial nint Args();

    [LibraryImport(Sb, EntryPoint = "cmd_ln_parse_r", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ParseConfig(nint config, nint definitions, int argc, string[] argv, int strict);

    [LibraryImport(Sb, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeConfig(nint config);

    /// <summary>Points the library's one, process-wide log at a file; 0 on success.</summary>
    [LibraryImport(Sb, EntryPoint = "err_set_logfile", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLogFile(string path);

    [LibraryImport(Sb, EntryPoint = "ckd_free")]
    public static partial void FreeMemory(nint pointer);

    [LibraryImport(Ps, EntryPoint = "ps_init")]
    public static partial nint Init(nint config);

    [LibraryImport(Ps, EntryPoint = "ps_free")]
    public static partial int Free(nint decoder);

    /// <summary>The word's phones, which the caller frees with <see cref="FreeMemory"/>; 0 when the dictionary lacks it.</summary>
    [LibraryImport(Ps, EntryPoint = "ps_lookup_word", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint LookupWord(nint decoder, string word);

    [LibraryImport(Ps, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetJsgfString(nint decoder, string name, string jsgf);

    [LibraryImport(Ps, EntryPoint = "ps_set_lm_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLmFile(nint decoder, string name, string path);

    [LibraryImport(Ps, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetSearch(nint decoder, string name);

    [LibraryImport(Ps, EntryPoint = "ps_unset_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetSearch(nint decoder, string name);

    [LibraryImport(Ps, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(nint decoder);

    [LibraryImport(Ps, EntryPoint = "ps_process_raw")]
    public static unsafe partial int ProcessRaw(nint decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(Ps, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(nint decoder);

    /// <summary>The best hypothesis so far (owned by the decoder) and its path score.</summary>
    [LibraryImport(Ps, EntryPoint = "ps_get_hyp")]
    public static partial nint GetHypothesis(nint decoder, out int bestScore);
}
