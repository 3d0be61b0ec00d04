using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Common;

/// <summary>Reads a /v1 request body as one JSON object, or fails with a validation error on <c>$</c>.</summary>
public static class RequestBody
{
    /// <summary>The body parsed and cloned (so it outlives the document).</summary>
    /// <param name="context">The request.</param>
    /// <param name="allowEmpty">Whether no body at all reads as <c>{}</c> (for creates whose every field is optional).</param>
    /// <exception cref="ValidationException">The body is not a JSON object.</exception>
    public static async Task<JsonElement> ReadObjectAsync(HttpContext context, bool allowEmpty = false)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0 && allowEmpty)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ValidationException("$", "the body must be a JSON object");
        }
        catch (JsonException invalidJson)
        {
            throw new ValidationException("$", "the body is not valid JSON: " + invalidJson.Message);
        }
    }
}
