using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Switchboard.Api.V1;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The /v1 types go over the wire through their own snake_case JSON context, but the generator describes them with
/// the host's default (camelCase) options; this renames their properties to what is actually sent, and lets a
/// request body's nullable fields be left out (the generator marks every constructor parameter required).
/// Changing the host-wide JSON options instead would change every other dialect's shapes too.
/// </summary>
public sealed class SnakeCaseDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly HashSet<string> V1TypeNames = typeof(V1JsonContext).Assembly.GetTypes()
        .Where(type => type.Namespace?.StartsWith(typeof(V1JsonContext).Namespace!, StringComparison.Ordinal) == true)
        .Select(type => type.Name)
        .ToHashSet(StringComparer.Ordinal);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, component) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (V1TypeNames.Contains(name) && component is OpenApiSchema { Properties: not null } schema)
            {
                Rename(schema, isBody: name.EndsWith("Body", StringComparison.Ordinal));
            }

            if (name == nameof(V1.Applications.WebhookBody) && component is OpenApiSchema hook)
            {
                hook.Description = "A webhook: this object, or just its URL as a string (then the method is POST).";
            }
        }

        return Task.CompletedTask;
    }

    private static void Rename(OpenApiSchema schema, bool isBody)
    {
        var properties = schema.Properties!.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value, StringComparer.Ordinal);
        schema.Properties = properties;
        if (schema.Required is { Count: > 0 } required)
        {
            schema.Required = required
                .Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)
                .Where(property => !isBody || !AllowsNull(properties[property]))
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    private static bool AllowsNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)) || (schema.OneOf?.Any(AllowsNull) ?? false);
}
