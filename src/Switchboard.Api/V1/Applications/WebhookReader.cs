using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Applications;

/// <summary>
/// Reads a jambonz webhook: either a bare URL string or <c>{url, method, username, password}</c>. The URL must be
/// absolute http or https; the method GET or POST (POST when not given); basic-auth credentials come in pairs.
/// </summary>
public static class WebhookReader
{
    private const int MaxUrlLength = 2048;
    private const int MaxCredentialLength = 256;

    public static WebhookTarget Require(JsonElement body, string name) =>
        Optional(body, name) ?? throw new ValidationException(name, "is required");

    /// <summary>The hook, or null when the field is absent or null.</summary>
    public static WebhookTarget? Optional(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new WebhookTarget(Url(value.GetString()!, name), "POST", null, null);
            case JsonValueKind.Object:
                var url = Url(JsonFields.RequireString(value, "url", $"{name}.url"), $"{name}.url");
                var method = JsonFields.OptionalString(value, "method", $"{name}.method")?.ToUpperInvariant() ?? "POST";
                if (method is not ("GET" or "POST"))
                {
                    throw new ValidationException($"{name}.method", "must be GET or POST");
                }

                var username = V1Fields.OptionalText(value, "username", MaxCredentialLength, $"{name}.username");
                var password = V1Fields.OptionalText(value, "password", MaxCredentialLength, $"{name}.password");
                if ((username is null) != (password is null))
                {
                    throw new ValidationException(username is null ? $"{name}.username" : $"{name}.password", "basic auth needs both username and password");
                }

                return new WebhookTarget(url, method, username, password);
            default:
                throw new ValidationException(name, "must be a URL or an object {url, method, username, password}");
        }
    }

    private static string Url(string text, string path)
    {
        if (text.Length > MaxUrlLength)
        {
            throw new ValidationException(path, $"must be at most {MaxUrlLength} characters");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? text
            : throw new ValidationException(path, "must be an absolute http or https URL");
    }
}
