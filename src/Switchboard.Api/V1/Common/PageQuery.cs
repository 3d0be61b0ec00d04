using System.Globalization;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.Common;

/// <summary>
/// Reads <c>?limit=</c> (1–500, default 100) and <c>?cursor=</c> (from a previous page's <c>Link</c> header)
/// off a list request.
/// </summary>
public static class PageQuery
{
    /// <exception cref="ValidationException">The limit is out of range or the cursor is not one this server issued.</exception>
    public static PageRequest Read(HttpRequest request)
    {
        var limit = PageRequest.DefaultLimit;
        if (request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > PageRequest.MaxLimit))
        {
            throw new ValidationException("limit", $"must be an integer between 1 and {PageRequest.MaxLimit}");
        }

        string? cursor = null;
        if (request.Query.TryGetValue("cursor", out var cursorText))
        {
            cursor = cursorText.ToString();
            if (!PageCursor.TryDecode(cursor, out _))
            {
                throw new ValidationException("cursor", "is not a cursor this server issued; take it from the previous page's Link header");
            }
        }

        return new PageRequest(limit, cursor);
    }
}
