using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Common;

/// <summary>
/// Field reads the /v1 resources add to <see cref="JsonFields"/>: present-or-absent checks for partial updates,
/// bounded strings and integers, and jambonz-style flags that may be <c>true</c>/<c>false</c> or <c>1</c>/<c>0</c>.
/// </summary>
public static class V1Fields
{
    /// <summary>Whether the body names the field at all (with any value, null included).</summary>
    public static bool Has(JsonElement body, string name) => body.TryGetProperty(name, out _);

    /// <summary>A non-empty string of at most <paramref name="maxLength"/> characters without control characters.</summary>
    public static string RequireText(JsonElement body, string name, int maxLength, string? path = null) =>
        OptionalText(body, name, maxLength, path) ?? throw new ValidationException(path ?? name, "is required");

    /// <summary>As <see cref="RequireText"/>, but absent or null reads as null.</summary>
    public static string? OptionalText(JsonElement body, string name, int maxLength, string? path = null)
    {
        path ??= name;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ValidationException(path, "must be a string");
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            throw new ValidationException(path, "must not be empty");
        }

        if (text.Length > maxLength)
        {
            throw new ValidationException(path, $"must be at most {maxLength} characters");
        }

        return text.AsSpan().ContainsAnyInRange('\0', '\x1f') ? throw new ValidationException(path, "must not contain control characters") : text;
    }

    public static int? OptionalInteger(JsonElement body, string name, int min, int max)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Numbers in strings ("port": "5060") are what jambonz's own portal sends.
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new ValidationException(name, "must be an integer"),
        };
        return parsed >= min && parsed <= max ? parsed : throw new ValidationException(name, $"must be between {min} and {max}");
    }

    /// <summary>A boolean written as <c>true</c>/<c>false</c> or, as jambonz's API also accepts, <c>1</c>/<c>0</c>.</summary>
    public static bool? OptionalFlag(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var number) && number is 0 or 1 => number == 1,
            _ => throw new ValidationException(name, "must be true or false"),
        };
    }

    /// <summary>The field under its own name, else under a jambonz alias (<c>register_username</c> for <c>username</c>).</summary>
    public static string NameOrAlias(JsonElement body, string name, string alias) =>
        !Has(body, name) && Has(body, alias) ? alias : name;
}
