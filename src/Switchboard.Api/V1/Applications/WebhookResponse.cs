using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Applications;

/// <summary>A hook as shown: the password is write-only and never returned.</summary>
public sealed record WebhookResponse(string Url, string Method, string? Username, string? FallbackUrl)
{
    public static WebhookResponse? From(WebhookTarget? hook) => hook is null ? null : new(hook.Url, hook.Method, hook.Username, hook.FallbackUrl);
}
