using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Problems;

/// <summary>RFC 9457 problem responses; validation problems name the offending field in <c>field</c>.</summary>
public static class ApiProblem
{
    public static IResult Invalid(string field, string message) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid request",
        detail: $"{field}: {message}",
        extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult Invalid(ValidationError error) => Invalid(error.Field, error.Message);

    public static IResult Unauthorized(string detail) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);

    public static IResult Forbidden(string detail) => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>A 409: the request is valid but clashes with what is stored (a taken name, a row still in use).</summary>
    public static IResult Conflict(string? field, string detail) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: field is null ? detail : $"{field}: {detail}",
        extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>A 422: the request is well-formed but cannot be honoured as it stands.</summary>
    public static IResult Unprocessable(string field, string detail) => Results.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Unprocessable request",
        detail: $"{field}: {detail}",
        extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult NotFound(string detail) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Unavailable(string detail) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cannot place the call now", detail: detail);

    public static IResult StorageUnavailable(string detail) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable; nothing was done", detail: detail);

    public static IResult Unroutable(string field, string detail) => Results.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Cannot route the call",
        detail: $"{field}: {detail}",
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
