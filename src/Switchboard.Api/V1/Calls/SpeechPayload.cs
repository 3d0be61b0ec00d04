using System.Text.Json;
using Switchboard.Media.Recognition;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's <c>speech</c> object, as a gather's actionHook and a transcription hook receive it:
/// <c>{"language_code", "is_final", "alternatives": [{"transcript", "confidence"}]}</c>.
/// </summary>
public static class SpeechPayload
{
    public static void Write(Utf8JsonWriter writer, RecognitionResult result)
    {
        writer.WriteStartObject("speech");
        writer.WriteString("language_code", result.Language);
        writer.WriteBoolean("is_final", true);
        writer.WriteStartArray("alternatives");
        foreach (var alternative in result.Alternatives)
        {
            writer.WriteStartObject();
            writer.WriteString("transcript", alternative.Transcript);
            writer.WriteNumber("confidence", Math.Round(alternative.Confidence, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
