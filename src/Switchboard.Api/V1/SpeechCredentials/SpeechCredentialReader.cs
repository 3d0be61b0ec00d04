using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Api.V1.SpeechCredentials;

/// <summary>
/// Reads a speech credential body onto a record. Creating, <c>vendor</c> is required; updating, an absent field
/// keeps its value and a null one clears it. An <c>openai</c> credential without a base URL or model gets
/// OpenAI's own, so what is stored is what the engine will use.
/// </summary>
public static class SpeechCredentialReader
{
    private const int MaxLabelLength = 64;
    private const int MaxKeyLength = 1024;
    private const int MaxUrlLength = 2048;
    private const int MaxModelLength = 128;

    public static SpeechCredentialRecord Blank(string accountSid, DateTimeOffset createdAt) =>
        new(Guid.NewGuid().ToString(), accountSid, string.Empty, null, null, null, null, UseForStt: true, createdAt);

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static SpeechCredentialRecord Read(JsonElement body, SpeechCredentialRecord current, bool creating)
    {
        var credential = current with
        {
            Vendor = creating || V1Fields.Has(body, "vendor")
                ? SpeechVendors.OptionalVendor(body, "vendor", SpeechVendors.Credentials) ?? throw new ValidationException("vendor", "is required")
                : current.Vendor,
            Label = V1Fields.Has(body, "label") ? V1Fields.OptionalText(body, "label", MaxLabelLength) : current.Label,
            ApiKey = V1Fields.Has(body, "api_key") ? V1Fields.OptionalText(body, "api_key", MaxKeyLength) : current.ApiKey,
            BaseUrl = V1Fields.Has(body, "base_url") ? BaseUrl(body) : current.BaseUrl,
            Model = V1Fields.Has(body, "model") ? V1Fields.OptionalText(body, "model", MaxModelLength) : current.Model,
            UseForStt = V1Fields.OptionalFlag(body, "use_for_stt") ?? current.UseForStt,
        };
        return credential.Vendor == RecognizerVendors.OpenAi
            ? credential with { BaseUrl = credential.BaseUrl ?? SpeechVendors.OpenAiBaseUrl, Model = credential.Model ?? SpeechVendors.OpenAiModel }
            : credential;
    }

    /// <summary>
    /// An absolute http(s) URL without user info (it is shown in responses, so a secret has no place in it), query or
    /// fragment (the engine adds its path), kept without its trailing slash.
    /// </summary>
    private static string? BaseUrl(JsonElement body)
    {
        var text = V1Fields.OptionalText(body, "base_url", MaxUrlLength);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ValidationException("base_url", "must be an absolute http or https URL");
        }

        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new ValidationException("base_url", "must have no user info, query or fragment; send the key as api_key");
        }

        return url.AbsoluteUri.TrimEnd('/');
    }
}
