using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.SpeechCredentials;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's <c>recognizer</c> object, as <c>gather</c>, <c>transcribe</c> and <c>config</c> carry it: <c>vendor</c>,
/// <c>label</c>, <c>language</c>, <c>hints</c> (strings, or objects with a <c>phrase</c>), <c>hintsBoost</c>,
/// <c>altLanguages</c> and <c>interim</c>. Vendor-specific options (Google's, Azure's, ...) are ignored, as jambonz ignores those of
/// other vendors. A vendor this server has no engine for is refused by name, or, where the reader is told where to
/// report it (a running call's verbs), replaced by the default engine with a warning on the call.
/// </summary>
public static class RecognizerReader
{
    /// <summary>Hints one recognition takes at most.</summary>
    public const int MaxHints = 500;

    /// <summary>The longest hint, in characters.</summary>
    public const int MaxHintLength = 100;

    /// <summary>The <c>recognizer</c> under <paramref name="owner"/>, or null when it has none.</summary>
    /// <param name="unavailable">Told of a vendor this server has no engine for, which then falls back to the default; null to refuse it.</param>
    public static RecognizerOptions? Read(JsonElement owner, string ownerPath, Action<SkippedVerb>? unavailable = null)
    {
        var path = ownerPath + ".recognizer";
        if (JsonFields.OptionalObject(owner, "recognizer", path) is not { } recognizer)
        {
            return null;
        }

        string? vendor;
        try
        {
            vendor = ReadVendor(recognizer, "vendor", path + ".vendor");
        }
        catch (ValidationException unknown) when (unavailable is not null && recognizer.GetProperty("vendor").ValueKind == JsonValueKind.String)
        {
            unavailable(new SkippedVerb("recognizer.vendor", unknown.Error.Message + "; the default recognizer listens instead"));
            vendor = null;
        }

        return new RecognizerOptions(
            vendor,
            ReadLanguage(recognizer, "language", path + ".language"),
            JsonFields.OptionalString(recognizer, "label", path + ".label"))
        {
            Hints = ReadHints(recognizer, "hints", path + ".hints"),
            HintsBoost = JsonFields.OptionalNumber(recognizer, "hintsBoost", path + ".hintsBoost", 0, 100),
            AlternativeLanguages = ReadLanguages(recognizer, "altLanguages", path + ".altLanguages"),
            Interim = recognizer.TryGetProperty("interim", out _) ? JsonFields.OptionalBool(recognizer, "interim", path + ".interim", fallback: false) : null,
        };
    }

    /// <summary>A vendor name, or null when absent or <c>default</c> (inherit).</summary>
    public static string? ReadVendor(JsonElement parent, string name, string path)
    {
        if (JsonFields.OptionalString(parent, name, path) is not { } vendor)
        {
            return null;
        }

        var known = RecognizerVendors.Normalize(vendor)
            ?? throw new ValidationException(path, $"unknown speech recognizer vendor '{vendor}' (this server has {string.Join(", ", RecognizerVendors.Known)})");
        return known == RecognizerVendors.Default ? null : known;
    }

    /// <summary>A BCP 47 language tag such as <c>en-US</c>, or null when absent.</summary>
    public static string? ReadLanguage(JsonElement parent, string name, string path)
    {
        var language = JsonFields.OptionalString(parent, name, path);
        if (language is not null && !SpeechVendors.IsLanguageTag(language))
        {
            throw new ValidationException(path, "must be a language tag such as en-US");
        }

        return language;
    }

    /// <summary>Phrases the caller is expected to say (strings, or objects with a <c>phrase</c>), or null when absent.</summary>
    public static List<string>? ReadHints(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var hints) || hints.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (hints.ValueKind != JsonValueKind.Array || hints.GetArrayLength() > MaxHints)
        {
            throw new ValidationException(path, $"must be an array of at most {MaxHints} phrases");
        }

        var phrases = new List<string>(hints.GetArrayLength());
        var index = 0;
        foreach (var hint in hints.EnumerateArray())
        {
            var hintPath = $"{path}[{index++}]";
            var phrase = hint.ValueKind switch
            {
                JsonValueKind.String => hint.GetString(),
                JsonValueKind.Object => JsonFields.RequireString(hint, "phrase", hintPath + ".phrase"),
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(phrase) || phrase.Length > MaxHintLength)
            {
                throw new ValidationException(hintPath, $"must be a phrase of 1 to {MaxHintLength} characters");
            }

            phrases.Add(phrase.Trim());
        }

        return phrases;
    }

    /// <summary>An array of at most ten language tags, or null when absent.</summary>
    public static List<string>? ReadLanguages(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var languages) || languages.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (languages.ValueKind != JsonValueKind.Array || languages.GetArrayLength() > 10)
        {
            throw new ValidationException(path, "must be an array of at most 10 language tags");
        }

        var tags = new List<string>();
        var index = 0;
        foreach (var language in languages.EnumerateArray())
        {
            var tag = language.ValueKind == JsonValueKind.String ? language.GetString()! : "";
            if (!SpeechVendors.IsLanguageTag(tag))
            {
                throw new ValidationException($"{path}[{index}]", "must be a language tag such as en-US");
            }

            tags.Add(tag);
            index++;
        }

        return tags;
    }
}
