using System.Globalization;
using System.Runtime.InteropServices;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// One native pocketsphinx decoder with the model loaded, kept for many recognitions, one at a time. It holds a
/// search per hint set it has seen (the least recently used dropped past a bound) and, once needed, the general
/// language model.
/// </summary>
internal sealed class PocketSphinxDecoder : IDisposable
{
    public const string LanguageModelSearch = "lm";

    /// <summary>
    /// Decoders are made one at a time. ps_init touches process-wide state: given <c>-logfn</c> it opens the log
    /// and fcloses the one every other decoder is writing to, which hung the process when four decoders started
    /// at once. So the log is set once, here, and no decoder is given <c>-logfn</c>.
    /// </summary>
    private static readonly Lock CreateLock = new();
    private static bool s_logSet;

    private readonly nint _config;
    private readonly nint _decoder;
    private readonly string _languageModel;
    private readonly int _maxGrammars;
    private readonly Dictionary<string, long> _grammarLastUse = [];
    private short[] _wideband = [];
    private long _uses;
    private bool _hasLanguageModel;
    private bool _disposed;

    private PocketSphinxDecoder(nint config, nint decoder, string languageModel, int maxGrammars)
    {
        _config = config;
        _decoder = decoder;
        _languageModel = languageModel;
        _maxGrammars = maxGrammars;
    }

    /// <exception cref="SpeechRecognitionException">The model is missing or the decoder would not start.</exception>
    /// <exception cref="DllNotFoundException">The library is not installed.</exception>
    public static PocketSphinxDecoder Create(PocketSphinxOptions options)
    {
        var acoustic = Path.Combine(options.ModelDirectory, "en-us");
        var dictionary = Path.Combine(options.ModelDirectory, "cmudict-en-us.dict");
        if (!File.Exists(Path.Combine(acoustic, "mdef")) || !File.Exists(dictionary))
        {
            throw new SpeechRecognitionException(
                $"the pocketsphinx US English model is not in {options.ModelDirectory} (apt-get install libpocketsphinx3 pocketsphinx-en-us)");
        }

        // One pass over the language model unless asked: the second runs inside ps_end_utt and would hold the
        // final result for most of a second. Both options are moot for grammar searches.
        string[] common = ["-hmm", acoustic, "-dict", dictionary, "-wip", options.WordInsertionPenalty.ToString("R", CultureInfo.InvariantCulture)];
        string[] argv = options.LanguageModelSecondPass
            ? [.. common, .. options.DecoderArguments]
            : [.. common, "-fwdflat", "no", "-bestpath", "no", .. options.DecoderArguments];
        lock (CreateLock)
        {
            if (!s_logSet)
            {
                // The library writes several kilobytes of progress per decoder and utterance; our own log says what matters.
                PocketSphinxNative.SetLogFile("/dev/null");
                s_logSet = true;
            }

            return Init(argv, options);
        }
    }

    private static PocketSphinxDecoder Init(string[] argv, PocketSphinxOptions options)
    {
        var config = PocketSphinxNative.ParseConfig(0, PocketSphinxNative.Args(), argv.Length, argv, 1);
        if (config == 0)
        {
            throw new SpeechRecognitionException("pocketsphinx refused its configuration");
        }

        var decoder = PocketSphinxNative.Init(config);
        if (decoder == 0)
        {
            PocketSphinxNative.FreeConfig(config);
            throw new SpeechRecognitionException($"pocketsphinx could not load the model in {options.ModelDirectory}");
        }

        return new PocketSphinxDecoder(config, decoder, Path.Combine(options.ModelDirectory, "en-us.lm.bin"), Math.Max(1, options.GrammarsPerDecoder));
    }

    public bool IsKnownWord(string word)
    {
        var phones = PocketSphinxNative.LookupWord(_decoder, word);
        if (phones == 0)
        {
            return false;
        }

        PocketSphinxNative.FreeMemory(phones);
        return true;
    }

    /// <summary>Makes the grammar the active search, loading it first if this decoder has not seen it.</summary>
    public void UseGrammar(HintGrammar grammar)
    {
        if (!_grammarLastUse.ContainsKey(grammar.Name))
        {
            if (_grammarLastUse.Count >= _maxGrammars)
            {
                var oldest = _grammarLastUse.MinBy(entry => entry.Value).Key;
                PocketSphinxNative.UnsetSearch(_decoder, oldest);
                _grammarLastUse.Remove(oldest);
            }

            Check(PocketSphinxNative.SetJsgfString(_decoder, grammar.Name, grammar.Jsgf), "ps_set_jsgf_string");
        }

        _grammarLastUse[grammar.Name] = ++_uses;
        Check(PocketSphinxNative.SetSearch(_decoder, grammar.Name), "ps_set_search");
    }

    public void UseLanguageModel()
    {
        if (!_hasLanguageModel)
        {
            Check(PocketSphinxNative.SetLmFile(_decoder, LanguageModelSearch, _languageModel), "ps_set_lm_file");
            _hasLanguageModel = true;
        }

        Check(PocketSphinxNative.SetSearch(_decoder, LanguageModelSearch), "ps_set_search");
    }

    /// <summary>
    /// This decoder's 16 kHz buffer, at least <paramref name="samples"/> long: reused from one recognition to the
    /// next, so recognising allocates nothing in the large-object heap (whose collections pause every thread,
    /// the media clock's included).
    /// </summary>
    public Span<short> WidebandBuffer(int samples)
    {
        if (_wideband.Length < samples)
        {
            _wideband = new short[Math.Max(samples, _wideband.Length * 2)];
        }

        return _wideband.AsSpan(0, samples);
    }

    /// <summary>Decodes one whole utterance of 16 kHz audio with the active search; empty when no word was heard.</summary>
    public unsafe string Decode(ReadOnlySpan<short> wideband)
    {
        Check(PocketSphinxNative.StartUtterance(_decoder), "ps_start_utt");
        fixed (short* samples = wideband)
        {
            // The whole utterance at once: the front end normalises the cepstral mean over all of it rather than
            // tracking it live from the first frames.
            Check(PocketSphinxNative.ProcessRaw(_decoder, samples, (nuint)wideband.Length, 0, 1), "ps_process_raw");
        }

        Check(PocketSphinxNative.EndUtterance(_decoder), "ps_end_utt");
        return Marshal.PtrToStringUTF8(PocketSphinxNative.GetHypothesis(_decoder, out _)) ?? "";
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            PocketSphinxNative.Free(_decoder);
            PocketSphinxNative.FreeConfig(_config);
        }
    }

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new SpeechRecognitionException($"pocketsphinx failed: {call} returned {result}");
        }
    }
}
