using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Switchboard.Storage.Paging;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>The <c>limit</c> and <c>cursor</c> every /v1 list is paged with, as an operation transformer.</summary>
public static class PageParameters
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Description ??= "A page at a time: when more follow, the next page's address is in the Link header (rel=\"next\") and its cursor in X-Next-Cursor.";
        operation.Parameters ??= [];
        operation.Parameters.Add(Query(
            "limit",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = PageRequest.DefaultLimit },
            "Rows in the page"));
        operation.Parameters.Add(Query("cursor", Text("An opaque cursor"), "Where the page starts: the cursor of the previous page's Link header or X-Next-Cursor"));
        return Task.CompletedTask;
    }
}
