using Microsoft.AspNetCore.Http;
using Switchboard.Calls.Limits;

namespace Switchboard.Api.Problems;

/// <summary>
/// A call a limit refused: the account's own limits (calls per second, live calls) are a 429, the server's (full,
/// shutting down) a 503; both say in <c>Retry-After</c> when trying again makes sense.
/// </summary>
public static class AdmissionProblems
{
    public static IResult Refused(AdmissionDecision decision)
    {
        var problem = Results.Problem(
            statusCode: decision.IsAccountLimit ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable,
            title: decision.IsAccountLimit ? "Too many calls" : "Cannot place the call now",
            detail: decision.Describe());
        return new RetryAfterResult(problem, decision.RetryAfter);
    }
}
