using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Common;

/// <summary>Reads a /v1 request body as one JSON object, or fails with a validation error on <c>$</c>.</summary>
public static class RequestBody
{
    /// <summary>The largest body a resource takes; the biggest real one (a carrier with a full allow list) is a few KiB.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body parsed and cloned (so it outlives the document).</summary>
    /// <param name="context">The request.</param>
    /// <param name="allowEmpty">Whether no body at all reads as <c>{}</c> (for creates whose every field is optional).</param>
    /// <exception cref="ValidationException">The body is not a JSON object, or holds text that is not Unicode.</exception>
    public static async Task<JsonElement> ReadObjectAsync(HttpContext context, bool allowEmpty = false)
    {
        using var buffer = new MemoryStream();
        if (context.Request.ContentLength > MaxBytes
            || !await CopyBoundedAsync(context.Request.Body, buffer, context.RequestAborted).ConfigureAwait(false))
        {
            throw new ValidationException("$", $"the body is larger than {MaxBytes / 1024} KiB");
        }

        if (buffer.Length == 0 && allowEmpty)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ValidationException("$", "the body must be a JSON object");
            }

            JsonUnicode.Validate(document.RootElement);
            return document.RootElement.Clone();
        }
        catch (JsonException invalidJson)
        {
            throw new ValidationException("$", "the body is not valid JSON: " + invalidJson.Message);
        }
    }

    private static async Task<bool> CopyBoundedAsync(Stream body, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        return true;
    }
}
