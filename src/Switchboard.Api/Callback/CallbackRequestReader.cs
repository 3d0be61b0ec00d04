using System.Text.Json;
using Switchboard.Api.Conversation;
using Switchboard.Api.Problems;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Callback;

/// <summary>
/// Reads and validates a <c>POST /voice/call/callback</c> body (seeds 000 and 001), failing on the first bad
/// field. The <c>callback</c> object is read as the Conversation API reads it: the two are one family.
/// </summary>
public static class CallbackRequestReader
{
    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static CallbackRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        var legA = CallbackLegReader.Read(body, CallbackLegNames.LegA);
        var legB = CallbackLegReader.Read(body, CallbackLegNames.LegB);
        if (CallbackLegReader.SameParty(legA, legB))
        {
            throw new ValidationException(CallbackLegNames.LegB + ".to", "is the same party as leg_A.to; a callback connects two different parties");
        }

        var mode = JsonFields.OptionalString(body, "mode", "mode") switch
        {
            null or "sequential" => CallbackMode.Sequential,
            "simultaneous" => CallbackMode.Simultaneous,
            _ => throw new ValidationException("mode", "must be sequential or simultaneous"),
        };
        var first = JsonFields.OptionalString(body, "first", "first") switch
        {
            null or CallbackLegNames.LegA => CallbackLeg.A,
            CallbackLegNames.LegB => CallbackLeg.B,
            _ => throw new ValidationException("first", "must be leg_A or leg_B"),
        };
        var timeLimit = JsonFields.OptionalNumber(body, "timeLimit", "timeLimit", 1, 86_400);
        return new CallbackRequest(
            legA,
            legB,
            mode,
            first,
            ReadAnnouncement(body),
            OptionalHttpUrl(body, "holdAudio"),
            JsonFields.OptionalBool(body, "record", "record", fallback: false),
            timeLimit is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            ConversationRequestReader.ReadCallback(body));
    }

    /// <summary>An http(s) URL is audio to play; any other text is spoken.</summary>
    private static Verb? ReadAnnouncement(JsonElement body)
    {
        var text = JsonFields.OptionalString(body, "announcement", "announcement");
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException("announcement", "must be text to say or an http(s) URL of audio to play");
        }

        return IsHttpUrl(text, out var url) ? new PlayVerb(url, 1, BargeIn: false) : new SayVerb(text, null, null, null, BargeIn: false);
    }

    private static Uri? OptionalHttpUrl(JsonElement body, string name) =>
        JsonFields.OptionalString(body, name, name) is null ? null : JsonFields.RequireHttpUrl(body, name, name);

    private static bool IsHttpUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
