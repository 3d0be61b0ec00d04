using System.Text;
using System.Text.Json;

namespace Switchboard.Media.Recognition.OpenAi;

/// <summary>
/// What a transcription service answered: <c>{"text": "..."}</c> for <c>response_format=json</c>, with a
/// <c>language</c> from servers that answer verbose_json whatever was asked; or, for a failure, the reason in
/// whichever shape the server gives it (OpenAI and LocalAI <c>{"error": {"message"}}</c>, whisper.cpp
/// <c>{"error": "..."}</c>, FastAPI servers such as faster-whisper-server <c>{"detail": "..."}</c>).
/// </summary>
internal sealed record TranscriptionAnswer(string Text, string? Language)
{
    /// <summary>Reasons from the server are cut here: they end up in logs and in an application's webhook.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>The answer, or null when it is not a JSON object with a string <c>text</c>.</summary>
    public static TranscriptionAnswer? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var language = root.TryGetProperty("language", out var spoken) && spoken.ValueKind == JsonValueKind.String ? spoken.GetString() : null;
            return new TranscriptionAnswer(text.GetString()!.Trim(), string.IsNullOrWhiteSpace(language) ? null : language.Trim());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The server's own reason for a failure, cut to <see cref="MaxReasonLength"/>; null when it gave none.</summary>
    public static string? ErrorReason(ReadOnlySpan<byte> body, string? mediaType)
    {
        string? reason;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            reason = ReasonIn(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's or a plain server's text is still worth showing, an HTML error page is not.
            reason = mediaType is "text/plain" ? Encoding.UTF8.GetString(body) : null;
        }

        return Cut(reason);
    }

    private static string? ReasonIn(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString();
            }
        }

        foreach (var name in (ReadOnlySpan<string>)["detail", "message"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static string? Cut(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var oneLine = string.Join(' ', reason.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxReasonLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxReasonLength), "…");
    }
}
