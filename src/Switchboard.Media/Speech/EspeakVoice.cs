using System.Text.RegularExpressions;

namespace Switchboard.Media.Speech;

/// <summary>Maps API voice hints (BCP 47 language, gender, vendor voice) to an espeak-ng voice name.</summary>
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

        var variant = request.Gender?.ToUpperInvariant() switch
        {
            "FEMALE" => "+f3",
            "MALE" => "+m3",
            _ => string.Empty,
        };
        return Language(request.Language) + variant;
    }

    /// <summary>The espeak-ng language for a BCP 47 tag; unknown or missing tags give <see cref="Default"/>.</summary>
    public static string Language(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return Default;
        }

        var normalized = tag.Trim().Replace('_', '-').ToUpperInvariant();
        var primary = normalized.Split('-')[0];
        return normalized switch
        {
            "EN-GB" or "EN-UK" => "en-gb",
            "EN-US" or "EN" => "en-us",
            "PT-BR" => "pt-br",
            _ => primary switch
            {
                "EN" => "en-us",
                "DE" => "de",
                "FR" => "fr",
                "ES" => "es",
                "EL" => "el",
                "IT" => "it",
                "PT" => "pt",
                "NL" => "nl",
                "PL" => "pl",
                "SV" => "sv",
                "DA" => "da",
                "NB" or "NO" => "nb",
                "FI" => "fi",
                "RU" => "ru",
                "TR" => "tr",
                _ => Default,
            },
        };
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*(\\+[a-z0-9]{1,12})?$")]
    private static partial Regex VoiceName();
}
