using Switchboard.Api.Problems;

namespace Switchboard.Server.WebConsole;

/// <summary>
/// Serves the web console at <see cref="Path"/>: static pages that hold no data and need no key to load; everything
/// they show they fetch from the API with the key the user signs in with. Not part of the API description.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string Path = "/console";

    private const string IndexFile = "index.html";

    public static WebApplication MapSwitchboardConsole(this WebApplication app)
    {
        var assets = ConsoleAssets.Load(typeof(ConsoleEndpoints).Assembly);
        // Also matches /console itself (the catch-all may be empty).
        app.MapGet(Path + "/{**file}", (HttpContext context, string? file) => Serve(context, assets, file)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, ConsoleAssets assets, string? file)
    {
        ConsoleHeaders.Apply(context.Response);
        // The page's modules and stylesheet are addressed relative to it, so it is served from the folder's address.
        if (string.IsNullOrEmpty(file) && !context.Request.Path.Value!.EndsWith('/'))
        {
            return Results.Redirect(Path + "/", permanent: false);
        }

        var asset = assets.Find(string.IsNullOrEmpty(file) ? IndexFile : file);
        if (asset is null)
        {
            return ApiProblem.NotFound($"the console has no file {file}");
        }

        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Body, asset.ContentType);
    }
}
