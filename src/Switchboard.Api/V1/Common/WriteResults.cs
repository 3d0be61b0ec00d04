using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage;

namespace Switchboard.Api.V1.Common;

/// <summary>The answers every /v1 resource gives to a store's <see cref="WriteOutcome"/>.</summary>
public static class WriteResults
{
    /// <summary>201 with <c>{"sid"}</c> and a <c>Location</c> under the request path.</summary>
    public static IResult Created(HttpContext context, string sid) =>
        Created(context, sid, new CreatedResponse(sid), V1JsonContext.Default.CreatedResponse);

    public static IResult Created<T>(HttpContext context, string sid, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{Uri.EscapeDataString(sid)}";
        return Results.Json(body, typeInfo, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>204 when done, 404 when the row is gone, 409 naming <paramref name="conflictField"/> otherwise.</summary>
    public static IResult NoContent(WriteOutcome outcome, string resource, string? conflictField, string conflict) => outcome switch
    {
        WriteOutcome.Done => Results.NoContent(),
        WriteOutcome.NotFound => NotFound(resource),
        _ => ApiProblem.Conflict(conflictField, conflict),
    };

    public static IResult NotFound(string resource) => ApiProblem.NotFound($"no such {resource}");
}
