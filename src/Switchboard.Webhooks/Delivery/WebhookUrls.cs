namespace Switchboard.Webhooks.Delivery;

/// <summary>Which URLs a webhook may go to, and how they appear in logs.</summary>
public static class WebhookUrls
{
    /// <summary>Only absolute http and https URLs: no file:, no other scheme an HTTP client might follow.</summary>
    public static bool IsAllowed(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// The URL without user info and query: applications put tokens in both, and logs are read by more people than
    /// webhooks are.
    /// </summary>
    public static string ForLog(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";
}
