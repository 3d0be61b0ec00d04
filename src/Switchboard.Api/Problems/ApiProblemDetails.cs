using Microsoft.AspNetCore.Http;
using Switchboard.Api.OpenApi;

namespace Switchboard.Api.Problems;

/// <summary>
/// Gives the problems ASP.NET Core writes by itself (status-code pages for an unmatched route, a method the route
/// does not take, a body that is not JSON) a <c>detail</c> that says what to do, so every error the API answers is
/// RFC 9457 problem+json with a reason, not an empty body.
/// </summary>
public static class ApiProblemDetails
{
    /// <summary>The <c>detail</c> of a 404 for an address no endpoint serves (<c>/</c> included).</summary>
    public const string NoSuchAddress =
        $"nothing is served at this address; the API is described at {SwitchboardOpenApi.DocumentPath} and browsable at {SwitchboardOpenApi.DocsPath}";

    public static void Customize(ProblemDetailsOptions options) => options.CustomizeProblemDetails = Describe;

    private static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => NoSuchAddress,
            StatusCodes.Status405MethodNotAllowed =>
                $"{request.Method} is not allowed here; the Allow header lists the methods this address takes",
            StatusCodes.Status415UnsupportedMediaType =>
                $"the body must be JSON (Content-Type: application/json), not {(string.IsNullOrEmpty(request.ContentType) ? "an untyped body" : request.ContentType)}",
            _ => null,
        };
    }
}
