using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Switchboard.Server.Tests.V1;

namespace Switchboard.Server.Tests.WebConsole;

/// <summary>The console's files: served without a key from the server itself, under headers that keep a page holding a key safe.</summary>
public sealed partial class ConsoleEndpointTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task ThePage_IsServedWithoutAKey_UnderAStrictPolicy_AndCannotBeFramed()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/console/", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoCache, "the page is revalidated, so an upgrade is never stale");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task ThePage_HasNoInlineScriptOrStyle_AndLoadsNothingFromElsewhere()
    {
        var html = await (await server.SendAsync(HttpMethod.Get, "/console/", key: null)).Content.ReadAsStringAsync();

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(RemoteReference(), html);
        foreach (var module in new[] { "js/main.js", "js/api.js", "js/live-feed.js", "js/live.js", "js/calls.js", "js/call.js", "js/resources.js", "js/failures.js", "js/dom.js", "console.css" })
        {
            var asset = await server.SendAsync(HttpMethod.Get, "/console/" + module, key: null);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            var text = await asset.Content.ReadAsStringAsync();
            Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(RemoteReference(), text);
        }
    }

    [Fact]
    public async Task AnUnchangedFile_Is304_ToARevalidation()
    {
        var first = await server.SendAsync(HttpMethod.Get, "/console/js/main.js", key: null);
        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/js/main.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await http.SendAsync(again);

        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task TheConsolesAddress_LeadsToThePage_AndAFileItLacks_Is404Problem()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.App.HttpAddress };

        var bare = await http.GetAsync("/console");
        var missing = await server.SendAsync(HttpMethod.Get, "/console/js/nothing.js", key: null);

        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/console/", bare.Headers.Location?.OriginalString);
        await V1Server.AssertProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal("DENY", missing.Headers.GetValues("X-Frame-Options").Single());
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    // The SVG namespace is a name, not a fetch.
    [GeneratedRegex("(?:https?:)?//(?!www\\.w3\\.org/2000/svg)[a-z0-9.-]+\\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteReference();
}
