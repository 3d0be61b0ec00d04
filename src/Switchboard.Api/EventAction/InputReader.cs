using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.EventAction;

/// <summary>
/// A PLAY's <c>collectInput</c> and <c>streamInput</c>, as one native gather that plays the audio while it listens
/// (a key or speech stops the audio).
/// <list type="bullet">
/// <item><c>collectInput {terminationDigit, maxDigits, digitTimeout}</c>: <c>maxDigits</c> 0 collects until the
/// terminator or the timeout; <c>digitTimeout</c> is the wait for the first key after the audio and between keys.</item>
/// <item><c>streamInput {timeout, maxsilence, language, asrEngine, alternateLanguages, model, recordStream,
/// singleUtterence}</c>: <c>maxsilence</c> is how long the caller may stay silent after the audio before the input
/// ends without words, <c>timeout</c> the longest utterance heard. <c>asrEngine</c> names the recognizer (DEFAULT,
/// POCKETSPHINX, OPENAI); <c>model</c>, <c>recordStream</c> and <c>singleUtterence</c> are read and checked, and one
/// utterance is recognised per PLAY whatever they say. <c>hints</c> (a Switchboard extension: the phrases expected)
/// bias the recognizer, and make the offline one listen for those phrases only.</item>
/// </list>
/// </summary>
public static class InputReader
{
    public static readonly TimeSpan DefaultDigitTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultSilence = TimeSpan.FromSeconds(5);

    /// <summary>The most keys one input takes (also the bound for <c>maxDigits</c> 0).</summary>
    public const int MaxDigits = 64;

    private const string Keys = "0123456789*#ABCD";

    /// <summary>The gather for a PLAY with input, or null when it has neither <c>collectInput</c> nor <c>streamInput</c>.</summary>
    public static GatherVerb? Read(JsonElement action, Verb? prompt)
    {
        var collect = JsonFields.OptionalObject(action, "collectInput", "collectInput");
        var stream = JsonFields.OptionalObject(action, "streamInput", "streamInput");
        if (collect is null && stream is null)
        {
            return null;
        }

        var gather = collect is { } keys ? ReadKeys(keys) : new GatherVerb(MaxDigits, null, DefaultSilence, null) { AcceptsDigits = false };
        gather = gather with { Prompt = prompt, PromptBargeIn = true };
        return stream is { } speech ? WithSpeech(gather, speech, collect is null) : gather;
    }

    private static GatherVerb ReadKeys(JsonElement collect)
    {
        var terminator = JsonFields.OptionalString(collect, "terminationDigit", "collectInput.terminationDigit");
        if (terminator is { Length: > 0 } && (terminator.Length != 1 || !Keys.Contains(terminator[0], StringComparison.Ordinal)))
        {
            throw new ValidationException("collectInput.terminationDigit", "must be one key: 0-9, *, # or A-D");
        }

        var maxDigits = (int)(JsonFields.OptionalNumber(collect, "maxDigits", "collectInput.maxDigits", 0, MaxDigits) ?? 0);
        var timeout = JsonFields.OptionalNumber(collect, "digitTimeout", "collectInput.digitTimeout", 1, 120) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : DefaultDigitTimeout;
        char? finishOnKey = terminator is { Length: 1 } ? terminator[0] : null;
        return new GatherVerb(maxDigits == 0 ? MaxDigits : maxDigits, finishOnKey, timeout, null) { InterDigitTimeout = timeout };
    }

    private static GatherVerb WithSpeech(GatherVerb gather, JsonElement stream, bool speechOnly)
    {
        var vendor = ReadEngine(stream);
        var language = RecognizerReader.ReadLanguage(stream, "language", "streamInput.language");
        var alternatives = RecognizerReader.ReadLanguages(stream, "alternateLanguages", "streamInput.alternateLanguages");
        var limit = JsonFields.OptionalNumber(stream, "timeout", "streamInput.timeout", 1, 300);
        var silence = JsonFields.OptionalNumber(stream, "maxsilence", "streamInput.maxsilence", 1, 120);
        _ = JsonFields.OptionalString(stream, "model", "streamInput.model");
        _ = JsonFields.OptionalBool(stream, "recordStream", "streamInput.recordStream", fallback: false);
        _ = JsonFields.OptionalBool(stream, "singleUtterence", "streamInput.singleUtterence", fallback: true);
        return gather with
        {
            Speech = new RecognizerOptions(vendor, language, null)
            {
                AlternativeLanguages = alternatives,
                Hints = RecognizerReader.ReadHints(stream, "hints", "streamInput.hints"),
            },
            SpeechBargeIn = true,
            SpeechLimit = limit is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            // With keys too, the keys' digitTimeout also bounds the wait for words.
            Timeout = silence is { } quiet ? TimeSpan.FromSeconds(quiet) : speechOnly ? DefaultSilence : gather.Timeout,
        };
    }

    /// <summary>The engine by seed 004's name; null for the account's or server's default.</summary>
    private static string? ReadEngine(JsonElement stream)
    {
        if (JsonFields.OptionalString(stream, "asrEngine", "streamInput.asrEngine") is not { } engine || engine.Equals("DEFAULT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var vendor = RecognizerVendors.Normalize(engine)
            ?? throw new ValidationException("streamInput.asrEngine", $"this server has no '{engine}' speech recognizer (use DEFAULT, POCKETSPHINX or OPENAI)");
        return vendor == RecognizerVendors.Default ? null : vendor;
    }
}
