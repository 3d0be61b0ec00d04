using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Conversation;

/// <summary>Translates <c>dialPlan.verbs</c> (PAUSE, SAY, PLAY, COLLECT, DIAL) into the engine's native verbs.</summary>
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
        var bargeInCarried = false;
        foreach (var element in verbs.EnumerateArray())
        {
            var verb = Read(element, $"{path}[{index++}]");
            // A PAUSE right after a bargeIn SAY or PLAY (or after such a PAUSE) is the time the callee is given to
            // answer the prompt: a key then goes to the next COLLECT at once, as it would have during the prompt.
            if (verb is PauseVerb answerTime && bargeInCarried)
            {
                verb = answerTime with { BargeIn = true };
            }

            bargeInCarried = verb switch
            {
                SayVerb say => say.BargeIn,
                PlayVerb play => play.BargeIn,
                PauseVerb pause => pause.BargeIn,
                _ => false,
            };
            result.Add(verb);
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
            "PLAY" => ReadPlay(verb, path),
            "COLLECT" => ReadCollect(verb, path),
            "DIAL" => ReadDial(verb, path),
            _ => throw new ValidationException(path + ".type", $"unknown verb type '{type}' (expected PAUSE, SAY, PLAY, COLLECT or DIAL)"),
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

    private static PlayVerb ReadPlay(JsonElement verb, string path)
    {
        var fileUrl = JsonFields.RequireHttpUrl(verb, "fileUrl", path + ".fileUrl");
        var bargeIn = JsonFields.OptionalBool(verb, "bargeIn", path + ".bargeIn", fallback: false);
        return new PlayVerb(fileUrl, Loop: 1, bargeIn);
    }

    /// <summary>
    /// A DIAL calls one phone number, routed as <c>to.phone</c> is, and bridges it to the call; when that number hangs
    /// up the plan goes on. Without <c>from</c> the number sees the conversation's own <c>from</c>.
    /// </summary>
    private static DialVerb ReadDial(JsonElement verb, string path)
    {
        var to = JsonFields.RequireString(verb, "to", path + ".to");
        if (!SipSyntax.IsPhoneNumber(to))
        {
            throw new ValidationException(path + ".to", "must be a phone number (digits, optionally with a leading +)");
        }

        var from = JsonFields.OptionalString(verb, "from", path + ".from");
        if (from is not null && !SipSyntax.IsUser(from))
        {
            throw new ValidationException(path + ".from", "must be a phone number or a SIP user name (no spaces, @ or :)");
        }

        // Without a timeout the number rings as long as the conversation's own call would.
        var timeout = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 1, 600) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : ConversationRequestReader.DefaultRingTimeout;
        return new DialVerb([CallTarget.Phone(to)], timeout, ActionHook: null) { CallerId = from };
    }

    private static GatherVerb ReadCollect(JsonElement verb, string path)
    {
        var eventUrl = JsonFields.RequireHttpUrl(verb, "eventUrl", path + ".eventUrl");
        var maxDigits = JsonFields.OptionalWholeNumber(verb, "maxDigits", path + ".maxDigits", 1, 64) ?? DefaultMaxDigits;

        var submitOnHash = JsonFields.OptionalBool(verb, "submitOnHash", path + ".submitOnHash", fallback: false);
        var timeout = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 1, 600) ?? DefaultCollectTimeoutSeconds;
        return new GatherVerb(maxDigits, submitOnHash ? '#' : null, TimeSpan.FromSeconds(timeout), eventUrl.AbsoluteUri);
    }
}
