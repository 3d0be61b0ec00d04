using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Calls.Engine.Speech;

namespace Switchboard.Api.V1.SpeechCredentials;

/// <summary>
/// The speech recognition engines Switchboard has, by the vendor names requests use, and the reads of the fields
/// that name them. An unknown vendor is a 400 naming the field and listing the known ones.
/// </summary>
public static partial class SpeechVendors
{
    /// <summary>Where an <see cref="RecognizerVendors.OpenAi"/> credential points when it names no base URL.</summary>
    public const string OpenAiBaseUrl = "https://api.openai.com";

    /// <summary>The model an <see cref="RecognizerVendors.OpenAi"/> credential asks for when it names none.</summary>
    public const string OpenAiModel = "whisper-1";

    private const int MaxLanguageLength = 35;

    /// <summary>The vendors a speech credential may be for.</summary>
    public static IReadOnlyList<string> Credentials { get; } = [RecognizerVendors.OpenAi, RecognizerVendors.PocketSphinx];

    /// <summary>The vendors an application's recognizer defaults may name.</summary>
    public static IReadOnlyList<string> Recognizers => RecognizerVendors.Known;

    /// <summary>The field as one of <paramref name="known"/>, lower-cased; absent or null reads as null.</summary>
    /// <exception cref="ValidationException">The field is not a string or names no known vendor.</exception>
    public static string? OptionalVendor(JsonElement body, string name, IReadOnlyList<string> known)
    {
        var vendor = V1Fields.OptionalText(body, name, 64)?.ToLowerInvariant();
        return vendor is null || known.Contains(vendor)
            ? vendor
            : throw new ValidationException(name, $"must be one of {string.Join(", ", known)}");
    }

    /// <summary>
    /// A language tag that looks like BCP 47 (RFC 5646): a 2–3 letter language and optional subtags
    /// (<c>en-US</c>, <c>es-419</c>, <c>zh-Hant-TW</c>); absent or null reads as null. Whether an engine has a model
    /// for it is the engine's question, asked when a call recognises.
    /// </summary>
    /// <exception cref="ValidationException">The field is not such a tag.</exception>
    public static string? OptionalLanguage(JsonElement body, string name)
    {
        var language = V1Fields.OptionalText(body, name, MaxLanguageLength);
        return language is null || IsLanguageTag(language)
            ? language
            : throw new ValidationException(name, "must be a language tag such as en-US");
    }

    /// <summary>Whether <paramref name="tag"/> looks like a BCP 47 language tag.</summary>
    public static bool IsLanguageTag(string tag) => tag.Length <= MaxLanguageLength && LanguageTag().IsMatch(tag);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
