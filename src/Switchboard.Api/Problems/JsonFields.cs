using System.Text.Json;

namespace Switchboard.Api.Problems;

/// <summary>
/// Typed reads of request JSON that fail with a <see cref="ValidationException"/> naming the field, so every
/// dialect's 400s say exactly what is wrong and where.
/// </summary>
public static class JsonFields
{
    public static JsonElement RequireObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new ValidationException(path, "is required");
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new ValidationException(path, "must be an object");
    }

    public static JsonElement? OptionalObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new ValidationException(path, "must be an object");
    }

    public static string RequireString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } text ? text : throw new ValidationException(path, "is required");

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            // Numbers are accepted where a phone number is expected: "from": 123 is common in client code.
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new ValidationException(path, "must be a string"),
        };
    }

    public static bool OptionalBool(JsonElement parent, string name, string path, bool fallback)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ValidationException(path, "must be true or false"),
        };
    }

    public static double? OptionalNumber(JsonElement parent, string name, string path, double min, double max)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            throw new ValidationException(path, "must be a number");
        }

        if (number < min || number > max || double.IsNaN(number))
        {
            throw new ValidationException(path, $"must be between {min} and {max}");
        }

        return number;
    }

    /// <summary><see cref="OptionalNumber"/> for a count: a number with a fraction is refused as "must be a whole number".</summary>
    public static int? OptionalWholeNumber(JsonElement parent, string name, string path, int min, int max)
    {
        if (OptionalNumber(parent, name, path, min, max) is not { } number)
        {
            return null;
        }

        return number == Math.Floor(number) ? (int)number : throw new ValidationException(path, "must be a whole number");
    }

    public static Uri RequireHttpUrl(JsonElement parent, string name, string path)
    {
        var text = RequireString(parent, name, path);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ValidationException(path, "must be an absolute http or https URL");
        }

        return url;
    }
}
