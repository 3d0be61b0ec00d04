using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Switchboard.Media.Speech;

/// <summary>
/// Maps API voice hints (BCP 47 language, gender, vendor voice) to an espeak-ng voice: a language
/// (<c>en-US</c> → <c>en-us</c>, <c>de-DE</c> → <c>de</c>, <c>zh-CN</c> → <c>cmn</c>) plus a variant for the
/// gender (<c>female</c> → <c>+f3</c>, <c>male</c> → <c>+m3</c>). A language espeak-ng lacks falls back to
/// <see cref="Default"/> (American English), so a call still hears its prompt; <see cref="TryLanguage"/> tells
/// callers who would rather refuse.
/// </summary>
public static partial class EspeakVoice
{
    public const string Default = "en-us";

    /// <summary>The espeak-ng <c>-v</c> argument for <paramref name="request"/>.</summary>
    public static string For(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A voice that is already an espeak-ng name (e.g. "en-gb+f2") is used as given; vendor names such as
        // "Polly.Joanna" are not, and fall back to language and gender.
        if (request.Voice is { } voice && VoiceName().IsMatch(voice))
        {
            return voice;
        }

        return Language(request.Language) + Variant(request.Gender);
    }

    /// <summary>The espeak-ng language for a BCP 47 tag; unknown or missing tags give <see cref="Default"/>.</summary>
    public static string Language(string? tag) => TryLanguage(tag, out var language) ? language : Default;

    /// <summary>
    /// The espeak-ng language for a BCP 47 tag (case and <c>_</c>/<c>-</c> do not matter): the whole tag if
    /// espeak-ng has it, else its language and script or region as aliased, else its primary language.
    /// False for a missing tag or a language espeak-ng does not speak.
    /// </summary>
    public static bool TryLanguage(string? tag, [NotNullWhen(true)] out string? language)
    {
        language = null;
        if (string.IsNullOrWhiteSpace(tag))
        {
            return false;
        }

        var normalized = tag.Trim().Replace('_', '-').ToLowerInvariant();
        var primary = normalized.Split('-')[0];
        foreach (var candidate in (ReadOnlySpan<string>)[normalized, primary])
        {
            if (EspeakLanguages.Aliases.TryGetValue(candidate, out language) || EspeakLanguages.Voices.TryGetValue(candidate, out language))
            {
                return true;
            }
        }

        language = null;
        return false;
    }

    /// <summary>The espeak-ng variant suffix for a gender hint: <c>+f3</c>, <c>+m3</c>, or nothing.</summary>
    public static string Variant(string? gender) => gender?.Trim().ToUpperInvariant() switch
    {
        "FEMALE" or "F" => "+f3",
        "MALE" or "M" => "+m3",
        _ => string.Empty,
    };

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*(\\+[A-Za-z0-9]{1,16})?$")]
    private static partial Regex VoiceName();
}
