using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Conversation;

/// <summary>Translates <c>dialPlan.verbs</c> (PAUSE, SAY, COLLECT) into the engine's native verbs.</summary>
public static class ConversationVerbReader
{
    /// <summary>Keys a COLLECT takes when it names no <c>maxDigits</c>: one key answers a menu.</summary>
    public const int DefaultMaxDigits = 1;

    /// <summary>Seconds a COLLECT waits for a key when it names no <c>timeout</c>.</summary>
    public const int DefaultCollectTimeoutSeconds = 10;

    /// <exception cref="ValidationException">A verb is unknown or has an invalid field.</exception>
    public static IReadOnlyList<Verb> ReadAll(JsonElement parent, string path)
    {
        if (!parent.TryGetProperty("verbs", out var verbs) || verbs.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException(path, "must be an array of verbs");
        }

        var result = new List<Verb>(verbs.GetArrayLength());
        var index = 0;
        foreach (var verb in verbs.EnumerateArray())
        {
            result.Add(Read(verb, $"{path}[{index++}]"));
        }

        return result;
    }

    private static Verb Read(JsonElement verb, string path)
    {
        if (verb.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(path, "must be an object");
        }

        var type = JsonFields.RequireString(verb, "type", path + ".type");
        return type.ToUpperInvariant() switch
        {
            "PAUSE" => ReadPause(verb, path),
            "SAY" => ReadSay(verb, path),
            "COLLECT" => ReadCollect(verb, path),
            "PLAY" or "DIAL" => throw new ValidationException(path + ".type", $"{type} is not supported by this server yet"),
            _ => throw new ValidationException(path + ".type", $"unknown verb type '{type}' (expected PAUSE, SAY or COLLECT)"),
        };
    }

    private static PauseVerb ReadPause(JsonElement verb, string path)
    {
        var seconds = JsonFields.OptionalNumber(verb, "duration", path + ".duration", 0, 3600)
            ?? throw new ValidationException(path + ".duration", "is required");
        return new PauseVerb(TimeSpan.FromSeconds(seconds));
    }

    private static SayVerb ReadSay(JsonElement verb, string path)
    {
        var message = JsonFields.RequireObject(verb, "message", path + ".message");
        var text = JsonFields.RequireString(message, "text", path + ".message.text");
        var gender = JsonFields.OptionalString(message, "gender", path + ".message.gender");
        if (gender is not null && gender is not ("male" or "female"))
        {
            throw new ValidationException(path + ".message.gender", "must be male or female");
        }

        var language = JsonFields.OptionalString(message, "language", path + ".message.language");
        var bargeIn = JsonFields.OptionalBool(verb, "bargeIn", path + ".bargeIn", fallback: false);
        return new SayVerb(text, language, gender, Voice: null, bargeIn);
    }

    private static GatherVerb ReadCollect(JsonElement verb, string path)
    {
        var eventUrl = JsonFields.RequireHttpUrl(verb, "eventUrl", path + ".eventUrl");
        var maxDigits = JsonFields.OptionalNumber(verb, "maxDigits", path + ".maxDigits", 1, 64) ?? DefaultMaxDigits;
        if (maxDigits != Math.Floor(maxDigits))
        {
            throw new ValidationException(path + ".maxDigits", "must be a whole number");
        }

        var submitOnHash = JsonFields.OptionalBool(verb, "submitOnHash", path + ".submitOnHash", fallback: false);
        var timeout = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 1, 600) ?? DefaultCollectTimeoutSeconds;
        return new GatherVerb((int)maxDigits, submitOnHash ? '#' : null, TimeSpan.FromSeconds(timeout), eventUrl.AbsoluteUri);
    }
}
