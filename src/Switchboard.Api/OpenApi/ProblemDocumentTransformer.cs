using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Every error the API answers is RFC 9457 problem+json, and a 400, 409 or 422 names the field at fault in
/// <c>field</c>: this gives the problem schema that member, every error response the problem schema, and every
/// operation that needs a key its 401.
/// </summary>
public sealed class ProblemDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemaName = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[SchemaName] = Schema();
        foreach (var (_, operation) in OpenApiSchemas.Operations(document))
        {
            operation.Responses ??= [];
            if (operation.Security is not { Count: 0 } && !operation.Responses.ContainsKey("401"))
            {
                operation.Responses["401"] = new OpenApiResponse { Description = "No key, or a key that is not valid" };
            }

            foreach (var (status, response) in operation.Responses)
            {
                if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse problem)
                {
                    problem.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. A 400 (and a 409 or 422 caused by one field) names the field at fault in field.",
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The kind of problem, in words" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What was wrong with this request, and what to do" },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request field at fault, as a JSON path: to.number, dialPlan.verbs[2].fileUrl" },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        Examples = [System.Text.Json.Nodes.JsonNode.Parse("""{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "Invalid request", "status": 400, "detail": "to.number: must be digits with an optional leading +", "field": "to.number"}""")!],
    };
}
