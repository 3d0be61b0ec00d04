using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Hooks;

/// <summary>
/// Reads a jambonz hook: either a URL string or <c>{url, method, username, password, fallback_url}</c>. A relative URL is
/// resolved against <c>baseUrl</c> (the application's call hook), as jambonz does for verb action hooks.
/// </summary>
public static class HookReader
{
    public static WebhookTarget? Optional(JsonElement parent, string name, string path, Uri? baseUrl = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => new WebhookTarget(ResolveUrl(value.GetString()!, path, baseUrl), "POST", null, null),
            JsonValueKind.Object => ReadObject(value, path, baseUrl),
            _ => throw new ValidationException(path, "must be a URL or an object with url, method, username, password and fallback_url"),
        };
    }

    public static WebhookTarget Require(JsonElement parent, string name, string path, Uri? baseUrl = null) =>
        Optional(parent, name, path, baseUrl) ?? throw new ValidationException(path, "is required");

    private static WebhookTarget ReadObject(JsonElement hook, string path, Uri? baseUrl)
    {
        var url = ResolveUrl(JsonFields.RequireString(hook, "url", path + ".url"), path + ".url", baseUrl);
        var method = (JsonFields.OptionalString(hook, "method", path + ".method") ?? "POST").ToUpperInvariant();
        if (method is not ("POST" or "GET"))
        {
            throw new ValidationException(path + ".method", "must be POST or GET");
        }

        var username = JsonFields.OptionalString(hook, "username", path + ".username");
        var password = JsonFields.OptionalString(hook, "password", path + ".password");
        if ((username is null) != (password is null))
        {
            throw new ValidationException(path + (username is null ? ".username" : ".password"), "is required when the other credential is given");
        }

        var fallback = JsonFields.OptionalString(hook, "fallback_url", path + ".fallback_url") is { } fallbackText
            ? ResolveUrl(fallbackText, path + ".fallback_url", null)
            : null;
        return new WebhookTarget(url, method, username, password) { FallbackUrl = fallback };
    }

    private static string ResolveUrl(string text, string path, Uri? baseUrl)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        if (baseUrl is not null && !text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(baseUrl, text, out var resolved))
        {
            return resolved.AbsoluteUri;
        }

        throw new ValidationException(path, baseUrl is null
            ? "must be an absolute http or https URL"
            : "must be an http or https URL, absolute or relative to the application's call hook");
    }
}
