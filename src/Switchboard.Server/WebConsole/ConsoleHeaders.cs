namespace Switchboard.Server.WebConsole;

/// <summary>
/// What every console response carries so the page holding an API key is hard to abuse: only its own scripts and
/// styles run (no inline code, nothing from elsewhere), it talks only to this server, recordings play from blob URLs
/// the page made, no other site can frame it, and no address it visits learns where it came from.
/// </summary>
internal static class ConsoleHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // Kept, but checked each time (ETag): an upgraded server's console is never stale.
        headers.CacheControl = "no-cache";
    }
}
