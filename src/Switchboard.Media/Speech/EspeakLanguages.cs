using System.Collections.Frozen;

namespace Switchboard.Media.Speech;

/// <summary>
/// The languages espeak-ng 1.51+ ships (<c>espeak-ng --voices</c>), and BCP 47 tags that name them differently:
/// Chinese is <c>cmn</c>/<c>yue</c>, Norwegian is <c>nb</c>, the deprecated <c>iw</c>/<c>in</c> are Hebrew and
/// Indonesian, and regional English and Spanish go to the nearest accent espeak-ng has.
/// </summary>
internal static class EspeakLanguages
{
    public static readonly FrozenSet<string> Voices = FrozenSet.ToFrozenSet(
    [
        "af", "am", "an", "ar", "as", "az", "ba", "be", "bg", "bn", "bpy", "bs", "ca", "cmn", "cs", "cv", "cy", "da",
        "de", "el", "en-029", "en-gb", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-gb-x-rp", "en-us",
        "en-us-nyc", "eo", "es", "es-419", "et", "eu", "fa", "fi", "fr", "fr-be", "fr-ch", "ga", "gd", "gn", "grc",
        "gu", "hak", "haw", "he", "hi", "hr", "ht", "hu", "hy", "hyw", "ia", "id", "io", "is", "it", "ja", "jbo",
        "ka", "kk", "kl", "kn", "ko", "kok", "ku", "ky", "la", "lb", "lfn", "lt", "ltg", "lv", "mi", "mk", "ml", "mr",
        "ms", "mt", "my", "nb", "nci", "ne", "nl", "nog", "om", "or", "pa", "pap", "piqd", "pl", "pt", "pt-br", "py",
        "qdb", "qu", "quc", "qya", "ro", "ru", "ru-lv", "sd", "shn", "si", "sjn", "sk", "sl", "smj", "sq", "sr", "sv",
        "sw", "ta", "te", "th", "tk", "tn", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "vi-vn-x-central",
        "vi-vn-x-south", "yue",
    ], StringComparer.Ordinal);

    /// <summary>Lower-case BCP 47 tags (whole, or primary subtag) and the espeak-ng language each means.</summary>
    public static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "en-us",
        ["en-ca"] = "en-us",
        ["en-uk"] = "en-gb",
        ["en-au"] = "en-gb",
        ["en-nz"] = "en-gb",
        ["en-ie"] = "en-gb",
        ["en-za"] = "en-gb",
        ["en-in"] = "en-gb",
        ["en-scotland"] = "en-gb-scotland",
        ["fr-fr"] = "fr",
        ["fr-ca"] = "fr",
        ["es-es"] = "es",
        ["es-mx"] = "es-419",
        ["es-us"] = "es-419",
        ["es-ar"] = "es-419",
        ["es-co"] = "es-419",
        ["es-cl"] = "es-419",
        ["pt-pt"] = "pt",
        ["zh"] = "cmn",
        ["zh-cn"] = "cmn",
        ["zh-tw"] = "cmn",
        ["zh-hans"] = "cmn",
        ["zh-hant"] = "cmn",
        ["zh-hk"] = "yue",
        ["no"] = "nb",
        ["nn"] = "nb",
        ["iw"] = "he",
        ["in"] = "id",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
