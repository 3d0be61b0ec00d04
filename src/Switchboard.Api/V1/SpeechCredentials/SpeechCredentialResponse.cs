using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Api.V1.SpeechCredentials;

/// <summary>
/// A speech credential as <c>GET .../SpeechCredentials</c> shows it. The key is write-only: never returned, only
/// whether one is set (<paramref name="HasApiKey"/>).
/// </summary>
public sealed record SpeechCredentialResponse(
    string SpeechCredentialSid,
    string AccountSid,
    string Vendor,
    string? Label,
    bool HasApiKey,
    string? BaseUrl,
    string? Model,
    bool UseForStt,
    DateTimeOffset CreatedAt)
{
    public static SpeechCredentialResponse From(SpeechCredentialRecord credential) => new(
        credential.Sid,
        credential.AccountSid,
        credential.Vendor,
        credential.Label,
        credential.ApiKey is not null,
        credential.BaseUrl,
        credential.Model,
        credential.UseForStt,
        credential.CreatedAt);
}
