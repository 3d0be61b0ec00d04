using System.Text.Json;

namespace Switchboard.Api.Problems;

/// <summary>
/// Refuses a request body whose strings are not Unicode text. <see cref="JsonDocument"/> parses without
/// transcoding, so a lone surrogate escape (<c>"\ud800"</c>, RFC 8259 §8.2) or bytes that are not UTF-8
/// (RFC 8259 §8.1) pass the parse and only fail, as an <see cref="InvalidOperationException"/>, when a reader asks
/// for the string. Checking every name and value once, right after the parse, keeps that out of every reader and
/// out of anything stored as raw JSON (a <c>tag</c> verb's data) and read back later.
/// </summary>
public static class JsonUnicode
{
    private const string Problem = "is not valid Unicode text (a lone surrogate escape or bytes that are not UTF-8)";

    /// <exception cref="ValidationException">A string or property name is not valid Unicode; names the field it sits in.</exception>
    public static void Validate(JsonElement root) => Validate(root, "$");

    private static void Validate(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (!IsText(element))
                {
                    throw new ValidationException(path, Problem);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    // A name that is not text cannot name its own field; the object holding it is the field at fault.
                    var name = NameOf(property) ?? throw new ValidationException(path, "has a property name that " + Problem);
                    Validate(property.Value, path == "$" ? name : path + "." + name);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Validate(item, $"{path}[{index++}]");
                }

                break;
            default:
                break;
        }
    }

    private static bool IsText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
