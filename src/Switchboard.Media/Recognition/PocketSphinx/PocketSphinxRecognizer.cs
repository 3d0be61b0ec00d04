using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// The offline engine: CMU pocketsphinx with its US English model (Debian's libpocketsphinx3 and
/// pocketsphinx-en-us), in process, from a pool of long-lived decoders. The call's 8 kHz audio is upsampled to
/// the model's 16 kHz (<see cref="HalfBandUpsampler"/>) and given a faint noise floor above 4 kHz (<see cref="HighBandFill"/>). Hints become a
/// grammar of exactly those phrases (<see cref="HintGrammar"/>): the answer is always one of them. Without hints
/// the general language model listens, which is slow and, on telephone audio, poor (docs/speech-engines.md).
/// </summary>
/// <remarks>
/// The confidence is a fixed <see cref="UncalibratedConfidence"/>: a grammar search returns the best phrase
/// whatever was said, with a posterior of 1 by construction (ps_get_prob gives 0 for every grammar search), and a
/// second score to compare it with, the same audio through a phone loop, costs many times real time on this
/// model. A number that claims certainty it does not have would mislead an application more than an honest middle.
/// </remarks>
public sealed class PocketSphinxRecognizer : ISpeechRecognizer, IDisposable
{
    public const string VendorName = "pocketsphinx";

    /// <summary>The confidence of every alternative: pocketsphinx gives no usable one (see remarks).</summary>
    public const double UncalibratedConfidence = 0.5;

    private const int CachedHintSets = 256;

    private readonly ILogger _logger;
    private readonly DecodeWorkers _workers;
    private readonly DecoderPool _pool;
    private readonly HighBandFill? _fill;
    private readonly ConcurrentDictionary<string, HintGrammar> _grammars = new(StringComparer.Ordinal);

    public PocketSphinxRecognizer(PocketSphinxOptions options, ILogger<PocketSphinxRecognizer> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDecoders);
        _logger = logger;

        // One worker per decoder: a recognition that holds a decoder never also waits for a thread.
        _workers = new DecodeWorkers(options.MaxDecoders);
        _pool = new DecoderPool(options, _workers, logger);
        _fill = options.HighBandFillDbfs is { } level ? new HighBandFill(level) : null;
    }

    public string Vendor => VendorName;

    /// <summary>Decoders made so far (at most <see cref="PocketSphinxOptions.MaxDecoders"/>).</summary>
    public int DecodersCreated => _pool.Created;

    public async Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<short> utterance, RecognitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckLanguage(request.Language);
        cancellationToken.ThrowIfCancellationRequested();
        if (utterance.IsEmpty)
        {
            return new RecognitionResult(request.Language, []);
        }

        var decoder = await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Decoding is CPU work of a few to a few hundred milliseconds: never on the caller's (a call loop's) thread.
            var transcript = await _workers.RunAsync(() => Recognize(decoder, utterance, request.Hints)).ConfigureAwait(false);
            _pool.Return(decoder);
            return new RecognitionResult(request.Language, transcript.Length == 0 ? [] : [new RecognitionAlternative(transcript, UncalibratedConfidence)]);
        }
        catch (SpeechRecognitionException)
        {
            _pool.Return(decoder);
            throw;
        }
        catch (Exception e)
        {
            Log.DecoderFailed(_logger, e);
            _pool.Discard(decoder);
            throw new SpeechRecognitionException($"pocketsphinx failed: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _pool.Dispose();
        _workers.Dispose();
    }

    private static void CheckLanguage(string language)
    {
        // BCP 47 (RFC 5646): the primary language subtag comes first and is case-insensitive.
        var primary = language.Split('-', '_')[0];
        if (!primary.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new SpeechRecognitionException(
                $"pocketsphinx has only an English (US) model; it cannot recognise '{language}': use another engine for that language");
        }
    }

    private string Recognize(PocketSphinxDecoder decoder, ReadOnlyMemory<short> utterance, IReadOnlyList<string> hints)
    {
        string search;
        if (hints.Count == 0)
        {
            decoder.UseLanguageModel();
            search = PocketSphinxDecoder.LanguageModelSearch;
        }
        else
        {
            var grammar = GrammarFor(hints, decoder);
            decoder.UseGrammar(grammar);
            search = grammar.Name;
        }

        var started = Stopwatch.GetTimestamp();
        var wideband = decoder.WidebandBuffer(utterance.Length * 2);
        HalfBandUpsampler.Upsample(utterance.Span, wideband);
        _fill?.AddTo(wideband);

        var transcript = decoder.Decode(wideband);
        Log.Recognized(_logger, transcript, utterance.Length / 8.0, search, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return transcript;
    }

    private HintGrammar GrammarFor(IReadOnlyList<string> hints, PocketSphinxDecoder decoder)
    {
        var key = string.Join('\n', hints);
        if (_grammars.TryGetValue(key, out var grammar))
        {
            return grammar;
        }

        grammar = HintGrammar.Build(hints, decoder.IsKnownWord);
        if (grammar.UnknownWords.Count > 0)
        {
            Log.HintWordsDropped(_logger, string.Join(", ", grammar.UnknownWords));
        }

        if (_grammars.Count >= CachedHintSets)
        {
            _grammars.Clear();
        }

        _grammars[key] = grammar;
        return grammar;
    }
}
