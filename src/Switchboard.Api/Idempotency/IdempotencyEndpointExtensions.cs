using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Switchboard.Api.Idempotency;

/// <summary>Puts a create endpoint under <see cref="IdempotencyFilter"/>.</summary>
public static class IdempotencyEndpointExtensions
{
    /// <param name="builder">The endpoint.</param>
    /// <param name="scope">The endpoint's name among the account's keys (<c>calls</c>, <c>conversation</c>, ...).</param>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder, string scope) => builder
        .AddEndpointFilter(new IdempotencyFilter(scope))
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .AddOpenApiOperationTransformer(DescribeHeaderAsync);

    private static Task DescribeHeaderAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyFilter.HeaderName,
            In = ParameterLocation.Header,
            Description = "Makes a retried create safe: a repeat within 24 hours gets the first answer (with Idempotent-Replayed: true) and creates nothing; "
                + "the same key with another body is a 422, a repeat while the first is still running a 409. Visible ASCII characters.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyFilter.MaxKeyLength },
        });
        return Task.CompletedTask;
    }
}
