using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.EventAction;

/// <summary>
/// Seed 004's audio objects: <c>{type: "URL", location}</c> plays a WAV fetched over HTTP(S);
/// <c>{type: "TTS", text, language, voice, gender, style, engine}</c> speaks. A TTS <c>engine</c> this server has
/// speaks with its <c>voice</c>; any other engine's text is still spoken, by the server's default synthesizer in the
/// requested language and gender (the words matter more than the voice brand). <c>style</c> has no equivalent here.
/// </summary>
public sealed class AudioReader(Func<string, string?> speechVendor)
{
    /// <summary>The longest text one TTS item may speak.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The list under <paramref name="name"/> (at least one item), or null when absent.</summary>
    public IReadOnlyList<Verb>? ReadList(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (list.ValueKind == JsonValueKind.Object)
        {
            // One object where a list was expected is read as a list of one.
            return [Read(list, path)];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > 20)
        {
            throw new ValidationException(path, "must be a list of 1 to 20 audio objects ({type: URL, location} or {type: TTS, text})");
        }

        var prompts = new List<Verb>(list.GetArrayLength());
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            prompts.Add(Read(item, $"{path}[{index++}]"));
        }

        return prompts;
    }

    /// <summary>The single audio object under <paramref name="name"/>, or null when absent.</summary>
    public Verb? ReadOne(JsonElement parent, string name, string path) =>
        JsonFields.OptionalObject(parent, name, path) is { } audio ? Read(audio, path) : null;

    private Verb Read(JsonElement audio, string path)
    {
        if (audio.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(path, "must be an audio object ({type: URL, location} or {type: TTS, text})");
        }

        var type = JsonFields.RequireString(audio, "type", path + ".type");
        switch (type.ToUpperInvariant())
        {
            case "URL":
                return new PlayVerb(JsonFields.RequireHttpUrl(audio, "location", path + ".location"), 1, BargeIn: false);
            case "TTS":
                var text = JsonFields.RequireString(audio, "text", path + ".text");
                if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
                {
                    throw new ValidationException(path + ".text", $"must be 1 to {MaxTextLength} characters of text to speak");
                }

                var language = Speech(audio, "language", path);
                var gender = Speech(audio, "gender", path)?.ToLowerInvariant() switch
                {
                    null => null,
                    "male" => "male",
                    "female" => "female",
                    _ => throw new ValidationException(path + ".gender", "must be MALE or FEMALE"),
                };
                var vendor = Speech(audio, "engine", path) is { } engine ? speechVendor(engine.ToLowerInvariant()) : null;
                // A voice belongs to its engine: it is used only when that engine speaks.
                var voice = vendor is null ? null : Speech(audio, "voice", path);
                _ = Speech(audio, "style", path);
                return new SayVerb(text, language, gender, voice, BargeIn: false) { Vendor = vendor };
            default:
                throw new ValidationException(path + ".type", "must be URL or TTS");
        }
    }

    private static string? Speech(JsonElement audio, string name, string path)
    {
        var value = JsonFields.OptionalString(audio, name, path + "." + name);
        return value is { Length: > 128 } ? throw new ValidationException(path + "." + name, "must be at most 128 characters") : value;
    }
}
