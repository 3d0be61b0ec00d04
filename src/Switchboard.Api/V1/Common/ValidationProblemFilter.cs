using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Common;

/// <summary>Turns a <see cref="ValidationException"/> thrown anywhere in a /v1 handler into a 400 problem naming the field.</summary>
public sealed class ValidationProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            return ApiProblem.Invalid(invalid.Error);
        }
    }
}
