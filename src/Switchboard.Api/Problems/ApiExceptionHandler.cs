using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Problems;

/// <summary>
/// Answers what an endpoint threw with the problem <see cref="ApiExceptionProblems"/> gives; anything else is left
/// to the host's default 500.
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ApiExceptionProblems.For(httpContext, exception) is not { } problem)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
