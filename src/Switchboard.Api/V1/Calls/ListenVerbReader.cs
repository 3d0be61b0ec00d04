using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz <c>listen</c> (and its alias <c>stream</c>): <c>url</c> (ws or wss), <c>wsAuth {username, password}</c>,
/// <c>mixType</c>, <c>sampleRate</c>, <c>timeout</c> (seconds of silence, 0 none), <c>maxLength</c>,
/// <c>finishOnKey</c>, <c>passDtmf</c>, <c>playBeep</c>, <c>metadata</c>,
/// <c>bidirectionalAudio {enabled, streaming, sampleRate}</c> and the older <c>disableBidirectionalAudio</c>; and
/// Switchboard's <c>wireFormat</c>: <c>"jambonz"</c> (the default) or <c>"twilio"</c> for agents written for Twilio
/// media streams. The action hook is read by the caller, like every verb's.
/// </summary>
internal static class ListenVerbReader
{
    /// <summary>The longest <c>maxLength</c> or <c>timeout</c>, in seconds (a day).</summary>
    public const int MaxSeconds = 86_400;

    public static ListenVerb Read(JsonElement verb, string path, string? actionHook)
    {
        var url = ReadUrl(verb, path + ".url");
        var wireFormat = JsonFields.OptionalString(verb, "wireFormat", path + ".wireFormat") switch
        {
            null or "jambonz" => StreamWireFormat.Jambonz,
            "twilio" => StreamWireFormat.Twilio,
            _ => throw new ValidationException(path + ".wireFormat", "must be \"jambonz\" or \"twilio\""),
        };
        var mixType = JsonFields.OptionalString(verb, "mixType", path + ".mixType") switch
        {
            null or "mono" => ListenMixType.Mono,
            "stereo" => ListenMixType.Stereo,
            "mixed" => ListenMixType.Mixed,
            _ => throw new ValidationException(path + ".mixType", "must be \"mono\", \"stereo\" or \"mixed\""),
        };
        if (wireFormat == StreamWireFormat.Twilio && mixType == ListenMixType.Stereo)
        {
            throw new ValidationException(path + ".mixType", "must be \"mono\" or \"mixed\" with the twilio wire format (one µ-law track)");
        }

        var finishOnKey = JsonFields.OptionalString(verb, "finishOnKey", path + ".finishOnKey") ?? string.Empty;
        if (finishOnKey.Length > 16 || !finishOnKey.All(JambonzVerbReader.IsKey))
        {
            throw new ValidationException(path + ".finishOnKey", "must be keys from 0-9, *, # and A-D");
        }

        var timeout = JsonFields.OptionalNumber(verb, "timeout", path + ".timeout", 0, MaxSeconds);
        var maxLength = JsonFields.OptionalNumber(verb, "maxLength", path + ".maxLength", 1, MaxSeconds);
        var metadata = JsonFields.OptionalObject(verb, "metadata", path + ".metadata")?.Clone();
        var (bidirectional, streaming, returnRate) = ReadBidirectional(verb, path);
        return new ListenVerb(url)
        {
            ActionHook = actionHook,
            Credentials = ReadCredentials(verb, path + ".wsAuth"),
            MixType = mixType,
            SampleRate = ReadSampleRate(verb, "sampleRate", path + ".sampleRate") ?? 8000,
            SilenceTimeout = timeout is > 0 ? TimeSpan.FromSeconds(timeout.Value) : null,
            MaxLength = maxLength is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            FinishOnKeys = finishOnKey,
            PassDtmf = JsonFields.OptionalBool(verb, "passDtmf", path + ".passDtmf", fallback: false),
            PlayBeep = JsonFields.OptionalBool(verb, "playBeep", path + ".playBeep", fallback: false),
            Metadata = metadata,
            Bidirectional = bidirectional,
            Streaming = streaming,
            ReturnSampleRate = returnRate,
            WireFormat = wireFormat,
        };
    }

    private static Uri ReadUrl(JsonElement verb, string path)
    {
        var text = JsonFields.RequireString(verb, "url", path);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            throw new ValidationException(path, "must be an absolute ws or wss URL");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new ValidationException(path, "must not carry credentials; use wsAuth");
        }

        return url;
    }

    private static ListenCredentials? ReadCredentials(JsonElement verb, string path)
    {
        if (JsonFields.OptionalObject(verb, "wsAuth", path) is not { } auth)
        {
            return null;
        }

        var username = JsonFields.RequireString(auth, "username", path + ".username");
        if (username.Contains(':', StringComparison.Ordinal) || username.Any(char.IsControl))
        {
            throw new ValidationException(path + ".username", "must not contain ':' or control characters (HTTP Basic)");
        }

        return new ListenCredentials(username, JsonFields.RequireString(auth, "password", path + ".password"));
    }

    /// <summary>jambonz: <c>bidirectionalAudio.enabled</c> defaults to true, and <c>disableBidirectionalAudio</c> turns it off.</summary>
    private static (bool Enabled, bool Streaming, int? SampleRate) ReadBidirectional(JsonElement verb, string path)
    {
        var disabled = JsonFields.OptionalBool(verb, "disableBidirectionalAudio", path + ".disableBidirectionalAudio", fallback: false);
        if (JsonFields.OptionalObject(verb, "bidirectionalAudio", path + ".bidirectionalAudio") is not { } audio)
        {
            return (!disabled, false, null);
        }

        var objectPath = path + ".bidirectionalAudio";
        return (
            JsonFields.OptionalBool(audio, "enabled", objectPath + ".enabled", fallback: !disabled),
            JsonFields.OptionalBool(audio, "streaming", objectPath + ".streaming", fallback: false),
            ReadSampleRate(audio, "sampleRate", objectPath + ".sampleRate"));
    }

    private static int? ReadSampleRate(JsonElement parent, string name, string path)
    {
        if (JsonFields.OptionalNumber(parent, name, path, 0, int.MaxValue) is not { } rate)
        {
            return null;
        }

        return ListenVerb.SampleRates.Contains((int)rate) && rate == Math.Floor(rate)
            ? (int)rate
            : throw new ValidationException(path, $"must be one of {string.Join(", ", ListenVerb.SampleRates)}");
    }
}
