using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Idempotency;

/// <summary>Puts a create endpoint under <see cref="IdempotencyFilter"/>.</summary>
public static class IdempotencyEndpointExtensions
{
    /// <param name="builder">The endpoint.</param>
    /// <param name="scope">The endpoint's name among the account's keys (<c>calls</c>, <c>conversation</c>, ...).</param>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder, string scope) => builder
        .AddEndpointFilter(new IdempotencyFilter(scope))
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
