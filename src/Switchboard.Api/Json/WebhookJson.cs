using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Api.Json;

/// <summary>
/// How webhook bodies are written: with no escaping beyond what JSON requires (quotes, backslashes, control
/// characters), so <c>+</c> and non-ASCII text travel as themselves. The body is JSON for a program, never embedded in
/// HTML; and a receiver that checks the signature over its own re-serialisation (jambonz's
/// <c>verifyJambonzSignature</c> signs <c>JSON.stringify(req.body)</c>) gets back the very bytes that were signed.
/// </summary>
public static class WebhookJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A webhook body from one of the dialects' source-generated types, written with <see cref="WriterOptions"/>.</summary>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
