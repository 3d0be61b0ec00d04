using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Problems;

/// <summary>A request body parsed as JSON and read by a dialect's reader; what does not parse is a validation error on <c>$</c>.</summary>
public static class JsonBody
{
    /// <exception cref="ValidationException">The body is not valid JSON, holds text that is not Unicode, or <paramref name="read"/> refused a field.</exception>
    public static async Task<T> ReadAsync<T>(HttpContext context, Func<JsonElement, T> read)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException invalidJson)
        {
            throw new ValidationException("$", "the body is not valid JSON: " + invalidJson.Message);
        }

        using (body)
        {
            JsonUnicode.Validate(body.RootElement);
            return read(body.RootElement);
        }
    }
}
