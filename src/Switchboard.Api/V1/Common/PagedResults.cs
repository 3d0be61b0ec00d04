using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.Common;

/// <summary>
/// A list answer: the page's items as a bare JSON array (what jambonz clients expect) and, when more follow,
/// the next page's address in <c>Link: &lt;...&gt;; rel="next"</c> and its cursor in <c>X-Next-Cursor</c>.
/// </summary>
public static class PagedResults
{
    public const string NextCursorHeader = "X-Next-Cursor";

    public static IResult Json<TRecord, TResponse>(
        HttpContext context, Page<TRecord> page, Func<TRecord, TResponse> map, JsonTypeInfo<TResponse[]> typeInfo)
    {
        if (page.NextCursor is { } cursor)
        {
            var request = context.Request;
            var limit = request.Query.TryGetValue("limit", out var requested)
                ? requested.ToString()
                : PageRequest.DefaultLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The next page keeps the request's filters; only the cursor moves on.
            var filters = request.Query
                .Where(parameter => parameter.Key is not ("limit" or "cursor"))
                .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)));
            var query = QueryString.Create("limit", limit) + QueryString.Create(filters) + QueryString.Create("cursor", cursor);
            var next = UriHelper.BuildRelative(request.PathBase, request.Path, query);
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
            context.Response.Headers[NextCursorHeader] = cursor;
        }

        return Results.Json(page.Items.Select(map).ToArray(), typeInfo);
    }
}
