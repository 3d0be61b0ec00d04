namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>Settings of the offline pocketsphinx engine (see docs/speech-engines.md for how each was chosen).</summary>
public sealed record PocketSphinxOptions
{
    /// <summary>Where Debian's pocketsphinx-en-us puts the US English model.</summary>
    public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public static PocketSphinxOptions Default { get; } = new();

    /// <summary>
    /// The model directory: the acoustic model in <c>en-us/</c>, <c>cmudict-en-us.dict</c> and
    /// <c>en-us.lm.bin</c> beside it.
    /// </summary>
    public string ModelDirectory { get; init; } = DebianModelDirectory;

    /// <summary>
    /// Decoders the pool may hold, each about 28 MiB (75 MiB more once it has run the language model); a
    /// recognition waits for a free one. Decoders are made when first needed and kept.
    /// </summary>
    public int MaxDecoders { get; init; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// The level, in dBFS, of the steady noise added above 4 kHz to the upsampled call audio, so the 16 kHz
    /// model's upper filters see a floor instead of the empty band they never saw in training; null adds none.
    /// </summary>
    public double? HighBandFillDbfs { get; init; } = -60;

    /// <summary>Hint grammars each decoder keeps loaded (one per distinct hint set); the least recently used goes.</summary>
    public int GrammarsPerDecoder { get; init; } = 16;

    /// <summary>
    /// Without hints, run the language model's second pass (flat lexicon and best path). It is a little more
    /// accurate but holds the final result 0.8 s (p50) to 3.6 s (p95) after the utterance on our bench.
    /// </summary>
    public bool LanguageModelSecondPass { get; init; }

    /// <summary>
    /// The word insertion penalty (pocketsphinx <c>-wip</c>, default 0.65). Lower makes each extra word costlier:
    /// 1e-3 took the digit strings' WER from 52.9 to 30.9 % and the language model's from 100 to 92 % on the
    /// phone-line corpus, and changed no exact phrase (docs/performance.md).
    /// </summary>
    public double WordInsertionPenalty { get; init; } = 1e-3;

    /// <summary>More decoder options, pocketsphinx's own (e.g. <c>-wip</c>, <c>-beam</c>), after ours.</summary>
    public IReadOnlyList<string> DecoderArguments { get; init; } = [];
}
