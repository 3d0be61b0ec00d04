using System.Text.Json;
using Switchboard.Media.Recognition;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's <c>speech</c> object, as a gather's actionHook and a transcription hook receive it:
/// <c>{"language_code", "is_final", "alternatives": [{"transcript", "confidence"}]}</c>.
/// </summary>
public static class SpeechPayload
{
    /// <param name="isFinal">False for an interim result: the words so far of an utterance not yet over.</param>
    public static void Write(Utf8JsonWriter writer, RecognitionResult result, bool isFinal)
    {
        writer.WriteStartObject("speech");
        writer.WriteString("language_code", result.Language);
        writer.WriteBoolean("is_final", isFinal);
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
